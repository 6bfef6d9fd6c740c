package io.github.clickstream.appliance.replay;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ClickEventJson;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.ParseResult;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends events to a Kafka topic in the canonical JSON format, keyed by user so one user's events
 * stay in order on one partition, at a chosen speed, with a progress bar. Rows that are not valid
 * events are counted by reason, not sent. Returns once Kafka acknowledged every event, or fails.
 */
public final class KafkaEventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public KafkaEventPublisher(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        this.producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    public ReplayReport publish(Iterator<ParseResult> input, double speed, boolean showProgress)
            throws InterruptedException, ExecutionException {
        Pacer pacer = new Pacer(speed);
        Map<DeadLetterReason, Long> rejected = new EnumMap<>(DeadLetterReason.class);
        long started = System.currentTimeMillis();
        long sent = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (ProgressBar progress = progressBar(showProgress)) {
            while (input.hasNext()) {
                ParseResult result = input.next();
                if (!result.valid()) {
                    rejected.merge(result.deadLetter().reason(), 1L, Long::sum);
                    continue;
                }
                ClickEvent event = result.event();
                pacer.await(event.timestamp());
                producer.send(
                        new ProducerRecord<>(topic, event.userId(), ClickEventJson.toJson(event)),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
                sent++;
                if (progress != null) {
                    progress.step();
                }
            }
            producer.flush();
            if (failure.get() != null) {
                throw new ExecutionException(
                        "Kafka did not accept every event: " + failure.get().getMessage(),
                        failure.get());
            }
        }
        return new ReplayReport(sent, rejected, System.currentTimeMillis() - started);
    }

    private static ProgressBar progressBar(boolean show) {
        if (!show) {
            return null;
        }
        return new ProgressBarBuilder()
                .setTaskName("Sending")
                .setUnit(" events", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed()
                .setInitialMax(-1)
                .build();
    }

    @Override
    public void close() {
        producer.close();
    }
}
