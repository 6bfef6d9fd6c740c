package io.github.clickstream.appliance.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.sink.DocumentWrite.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemOutcomeTest {

    @ParameterizedTest
    @CsvSource({
        "200, INDEX, DONE",
        "201, UPSERT, DONE",
        "409, INDEX, DONE",
        "409, UPSERT, RETRY",
        "401, UPSERT, FAIL",
        "404, DELETE, DONE",
        "404, INDEX, DEAD_LETTER",
        "400, UPSERT, DEAD_LETTER",
        "403, INDEX, FAIL",
        "500, INDEX, DEAD_LETTER",
        "429, INDEX, RETRY",
        "502, UPSERT, RETRY",
        "503, INDEX, RETRY",
        "504, DELETE, RETRY"
    })
    void statusDecidesWhetherToRetry(int status, Action action, ItemOutcome expected) {
        assertThat(ItemOutcome.of(status, action)).isEqualTo(expected);
    }

    @Test
    void monthlyIndexNamesUseUtc() {
        // 2026-11-30T23:30:00-01:00 is already December in UTC
        assertThat(MonthlyIndex.name("sessions", 1_796_085_000_000L)).isEqualTo("sessions-2026.12");
    }
}
