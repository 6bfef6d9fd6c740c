package io.github.clickstream.appliance.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClickEventTest {

    private static final ClickEvent PURCHASE =
            ClickEvent.builder("e-1", "u-1", EventType.PURCHASE, 1_000L)
                    .item("i-1")
                    .category("c-1", "home.kitchen")
                    .brand("acme")
                    .price(12.5)
                    .quantity(2)
                    .experiment("checkout", "b")
                    .build();

    @Test
    void withKeepsEveryFieldButIdUserAndTime() {
        ClickEvent moved = PURCHASE.with("e-2", "u-2", 5_000L);

        assertThat(moved)
                .isEqualTo(
                        ClickEvent.builder("e-2", "u-2", EventType.PURCHASE, 5_000L)
                                .item("i-1")
                                .category("c-1", "home.kitchen")
                                .brand("acme")
                                .price(12.5)
                                .quantity(2)
                                .experiment("checkout", "b")
                                .build());
    }

    @Test
    void withEventIdChangesOnlyTheId() {
        assertThat(PURCHASE.withEventId("e-3"))
                .isEqualTo(PURCHASE.with("e-3", "u-1", 1_000L))
                .isNotEqualTo(PURCHASE);
    }
}
