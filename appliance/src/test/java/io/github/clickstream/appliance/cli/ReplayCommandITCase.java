package io.github.clickstream.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@ExtendWith(LocalStackExtension.class)
class ReplayCommandITCase {

    @Test
    void replaySendsEveryValidRowKeyedByUserAndCountsTheRest(KafkaBroker kafka, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("taobao.csv");
        Files.writeString(
                file,
                """
                1,100,7,pv,1511658000
                2,101,7,cart,1511658001
                1,102,8,buy,1511658002
                3,103,8,teleport,1511658003
                1,104,9,fav,1511658004
                """);
        kafka.createTopic("replayed", 2);
        StringWriter out = new StringWriter();
        CommandLine cli = ApplianceCli.commandLine();
        cli.setOut(new PrintWriter(out, true));

        int exit =
                cli.execute(
                        "replay",
                        "--format",
                        "taobao",
                        "--file",
                        file.toString(),
                        "--topic",
                        "replayed",
                        "--kafka-bootstrap",
                        kafka.bootstrapServers());

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("Sent 4 events")
                .contains("1 rows rejected {UNKNOWN_EVENT_TYPE=1}");
        List<ConsumerRecord<String, String>> records = consume(kafka, "replayed", 4);
        assertThat(records).hasSize(4);
        Map<String, List<String>> perUser = new HashMap<>();
        Map<String, Integer> partitionOfUser = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            perUser.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record.value());
            assertThat(partitionOfUser.merge(record.key(), record.partition(), (a, b) -> a))
                    .isEqualTo(record.partition());
        }
        assertThat(perUser.get("1")).hasSize(3);
        assertThat(perUser.get("1").get(0))
                .contains("\"event_type\":\"view\"")
                .contains("\"ts\":\"2017-11-26T01:00:00Z\"");
        assertThat(perUser.get("1").get(1)).contains("\"event_type\":\"purchase\"");
    }

    @Test
    void unknownFormatIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = ApplianceCli.commandLine();
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("replay", "--format", "xml", "--file", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown format 'xml'");
    }

    private static List<ConsumerRecord<String, String>> consume(
            KafkaBroker kafka, String topic, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "replay-test");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
            // one more poll: nothing beyond the expected records may arrive
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
