package io.github.clickstream.appliance.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClickEventTest {

    @Test
    void withKeepsEveryFieldButIdUserAndTime() {
        assertThat(purchase("e-1", "u-1", 1_000L).with("e-2", "u-2", 5_000L))
                .isEqualTo(purchase("e-2", "u-2", 5_000L));
    }

    @Test
    void withEventIdChangesOnlyTheId() {
        ClickEvent original = purchase("e-1", "u-1", 1_000L);
        assertThat(original.withEventId("e-3"))
                .isEqualTo(purchase("e-3", "u-1", 1_000L))
                .isNotEqualTo(original);
    }

    /** Every optional field set, so a field that a copy loses makes the events differ. */
    private static ClickEvent purchase(String id, String user, long at) {
        return ClickEvent.builder(id, user, EventType.PURCHASE, at)
                .item("i-1")
                .category("c-1", "home.kitchen")
                .brand("acme")
                .price(12.5)
                .quantity(2)
                .query("kettle")
                .experiment("checkout", "b")
                .build();
    }
}
