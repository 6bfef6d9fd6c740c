package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FuturesTest {

    @Test
    void answerIsReturned() throws IOException {
        assertThat(Futures.await(CompletableFuture.completedFuture("answer"))).isEqualTo("answer");
    }

    @Test
    void transportFailureIsRethrownAsItself() {
        SocketTimeoutException timeout = new SocketTimeoutException("no answer");

        assertThatThrownBy(() -> Futures.await(CompletableFuture.failedFuture(timeout)))
                .isSameAs(timeout);
    }

    @Test
    void runtimeFailureIsRethrownAsItself() {
        IllegalArgumentException refused = new IllegalArgumentException("refused");

        assertThatThrownBy(() -> Futures.await(CompletableFuture.failedFuture(refused)))
                .isSameAs(refused);
    }

    @Test
    void interruptedWaitBecomesAnInterruptedIoExceptionAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Futures.await(new CompletableFuture<String>()))
                    .isInstanceOf(InterruptedIOException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
