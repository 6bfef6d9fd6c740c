package io.github.clickstream.appliance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.nodes.Stats;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import io.github.clickstream.appliance.localstack.ElasticsearchOptions;
import io.github.clickstream.appliance.localstack.KafkaOptions;
import io.github.clickstream.appliance.localstack.LocalElasticsearch;
import io.github.clickstream.appliance.localstack.LocalKafkaBroker;
import io.github.clickstream.appliance.mappings.DeadLetterDocument;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.testing.FlinkTesting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenarios 5, 6 and 7 of the reliability suite (docs/reliability.md): Elasticsearch stopped under
 * load and started again, bulk rejections (429) plus a poison document, and a Kafka broker restart
 * under load. Each run reads the same generated clickstream while it is still arriving, and
 * Elasticsearch afterwards must equal, document by document, a fault-free run of the same input.
 * The services are this class's own, since the faults stop them.
 */
class FaultInjectionITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTesting.miniCluster();

    private static final ReliabilityScale SCALE = ReliabilityScale.fromSystemProperties();

    /** The fault starts once this share of the input is in Kafka. */
    private static final double FAULT_AFTER = 0.25;

    private static final Duration POISON_DEADLINE = Duration.ofSeconds(30);

    private static List<ClickEvent> events;
    private static LocalElasticsearch elasticsearch;
    private static LocalKafkaBroker kafka;
    private static ElasticsearchConnection connection;
    private static Map<String, JsonNode> reference;

    @BeforeAll
    static void startServices() {
        events = new ArrayList<>();
        new ClickstreamGenerator(GeneratorConfig.of(SCALE.users(), SCALE.items(), SCALE.days(), 10))
                .forEachRemaining(events::add);
        CompletableFuture<LocalKafkaBroker> broker =
                CompletableFuture.supplyAsync(
                        () -> LocalKafkaBroker.start(KafkaOptions.defaults()));
        elasticsearch = LocalElasticsearch.start(ElasticsearchOptions.defaults());
        kafka = broker.join();
        connection = ElasticsearchConnection.of(elasticsearch.httpUrl());
    }

    /**
     * The fault-free run of the same input, once for all tests. Not in {@code @BeforeAll}: Flink's
     * extension points jobs at its MiniCluster only around each test.
     */
    private static Map<String, JsonNode> reference(MiniCluster cluster) throws Exception {
        if (reference == null) {
            new LoadedRun(cluster, kafka, connection, events).unpaced("reference").print();
            reference = OutputIndices.referenceSnapshot(connection);
        }
        return reference;
    }

    @AfterAll
    static void stopServices() {
        if (kafka != null) {
            kafka.close();
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
    }

    @Test
    void elasticsearchStoppedUnderLoadAndStartedAgainLosesNothing(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        RunFigures figures =
                runWithServiceDown(
                        cluster,
                        "es-outage",
                        "outageAsked",
                        SCALE.esOutage(),
                        elasticsearch::stop,
                        elasticsearch::startAgain);

        assertThat(figures.fault().peakLag()).as("events waited during the outage").isPositive();
    }

    @Test
    void kafkaBrokerRestartedUnderLoadLosesAndDuplicatesNothing(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        runWithServiceDown(
                cluster,
                "broker-restart",
                "downtimeAsked",
                SCALE.brokerDowntime(),
                kafka::stop,
                kafka::startAgain);
    }

    /**
     * The loaded run with a service stopped for {@code downtime} once a quarter of the input is in
     * Kafka; Elasticsearch afterwards must equal the fault-free reference document by document.
     */
    private static RunFigures runWithServiceDown(
            MiniCluster cluster,
            String name,
            String downtimeFigure,
            Duration downtime,
            Runnable stop,
            Runnable startAgain)
            throws Exception {
        Map<String, JsonNode> expected = reference(cluster);
        RunFigures figures =
                new LoadedRun(cluster, kafka, connection, events)
                        .run(
                                name,
                                perSecond(),
                                FAULT_AFTER,
                                () -> {
                                    stop.run();
                                    Thread.sleep(downtime.toMillis());
                                    startAgain.run();
                                });

        DocumentDiff diff = DocumentDiff.of(expected, OutputIndices.snapshot(connection));
        figures.with(downtimeFigure, RunFigures.seconds(downtime)).with("diff", diff).print();
        assertThat(diff.identical()).as(diff.toString()).isTrue();
        return figures;
    }

    @Test
    void rejectedBulksAreRetriedAndThePoisonDocumentIsDeadLetteredWithin30Seconds(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        Map<String, JsonNode> expected = reference(cluster);
        // One write thread and a three-slot queue: concurrent shard bulks from the two sink
        // writers overflow it, so Elasticsearch answers 429 for some of every busy flush.
        try (LocalElasticsearch overloaded =
                LocalElasticsearch.start(
                        ElasticsearchOptions.defaults()
                                .withSetting("thread_pool.write.size", "1")
                                .withSetting("thread_pool.write.queue_size", "3"))) {
            ElasticsearchConnection tiny = ElasticsearchConnection.of(overloaded.httpUrl());
            PoisonAfter.reset();
            CompletableFuture<Long> deadLettered =
                    CompletableFuture.supplyAsync(() -> awaitPoisonDeadLetter(tiny));
            RunFigures figures =
                    new LoadedRun(cluster, kafka, tiny, events)
                            .withWrites(
                                    writes ->
                                            writes.flatMap(new PoisonAfter(2_000))
                                                    .name("Add a poison document"))
                            .run("bulk-rejections", perSecond(), 0, null);

            DocumentDiff diff = DocumentDiff.of(expected, OutputIndices.snapshot(tiny));
            long rejections = writeRejections(tiny);
            Duration poisonLatency =
                    Duration.ofMillis(deadLettered.get() - PoisonAfter.injectedAtMillis());
            figures.with("rejected429", rejections)
                    .with("poisonDeadLetteredAfter", RunFigures.seconds(poisonLatency))
                    .with("diff", diff)
                    .print();
            assertThat(rejections).as("Elasticsearch rejected writes with 429").isPositive();
            assertThat(diff.identical()).as(diff.toString()).isTrue();
            assertThat(poisonLatency).isLessThanOrEqualTo(POISON_DEADLINE);
            assertThat(figures.checkpointsCompleted())
                    .as("checkpoints completed while writes were rejected")
                    .isGreaterThanOrEqualTo(3);
        }
    }

    private static double perSecond() {
        return (double) events.size() / SCALE.loadSeconds();
    }

    /** Wall-clock time the poison document's dead letter became searchable. */
    private static long awaitPoisonDeadLetter(ElasticsearchConnection target) {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        try (ElasticsearchClient es = ElasticsearchClients.create(target)) {
            while (System.nanoTime() < deadline) {
                try {
                    var hits =
                            es.search(
                                            s ->
                                                    s.index("dead-letters-*")
                                                            .allowNoIndices(true)
                                                            .query(
                                                                    q ->
                                                                            q.ids(
                                                                                    i ->
                                                                                            i
                                                                                                    .values(
                                                                                                            "users:"
                                                                                                                    + PoisonAfter
                                                                                                                            .USER_ID))),
                                            DeadLetterDocument.class)
                                    .hits()
                                    .hits();
                    if (!hits.isEmpty()) {
                        DeadLetterDocument letter = hits.get(0).source();
                        assertThat(letter.reason()).isEqualTo("INDEXING_REJECTED");
                        assertThat(letter.rawPayload()).isEqualTo(PoisonAfter.poison().json());
                        return System.currentTimeMillis();
                    }
                } catch (java.io.IOException | RuntimeException overloadedOrMissing) {
                    // not there yet: the index appears with the first dead letter
                }
                Thread.sleep(100);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("The poison document was never dead-lettered");
    }

    private static long writeRejections(ElasticsearchConnection target) throws Exception {
        try (ElasticsearchClient es = ElasticsearchClients.create(target)) {
            long rejected = 0;
            for (Stats node : es.nodes().stats(s -> s.metric("thread_pool")).nodes().values()) {
                rejected += node.threadPool().get("write").rejected();
            }
            return rejected;
        }
    }
}
