package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

    @Test
    void aConnectionLeaseTimeoutIsA503NotA500() {
        // what the Elasticsearch low-level client throws when its connection pool stays exhausted
        // (seen under load in bench/api-latency.sh)
        Exception leaseTimeout =
                new RuntimeException(
                        "error while performing request",
                        new TimeoutException("Connection lease request time out"));

        ApiException mapped = ErrorMapper.fromUnexpected(leaseTimeout);

        assertThat(mapped.status()).isEqualTo(503);
        assertThat(mapped.code()).isEqualTo("elasticsearch_busy");
    }

    @Test
    void anyOtherUnexpectedFailureIsA500WithoutDetails() {
        ApiException mapped = ErrorMapper.fromUnexpected(new IllegalStateException("secret"));

        assertThat(mapped.status()).isEqualTo(500);
        assertThat(mapped.code()).isEqualTo("internal_error");
        assertThat(mapped.getMessage()).doesNotContain("secret");
    }
}
