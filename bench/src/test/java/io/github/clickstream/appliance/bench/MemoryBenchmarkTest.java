package io.github.clickstream.appliance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryBenchmarkTest {

    @Test
    void bytesPerAddedUserLeavesTheFixedOverheadOut() {
        // 50 MB of fixed overhead plus 300 bytes per user, at 1,000 and at 10,000 users
        double fewer = 50_000_000 + 1_000 * 300.0;
        double more = 50_000_000 + 10_000 * 300.0;

        assertThat(MemoryBenchmark.bytesPerAddedUser(1_000, fewer, 10_000, more)).isEqualTo(300);
    }
}
