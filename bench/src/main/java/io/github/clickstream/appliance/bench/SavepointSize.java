package io.github.clickstream.appliance.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.streaming.api.graph.StreamGraphHasherV2;
import org.apache.flink.util.FileUtils;

/**
 * The size of a savepoint: its bytes on disk, and its state split by what the operators are keyed
 * by (user, item, or other: metric buckets, cohorts, the source's split state), read from the
 * savepoint's metadata. Operators are recognised by their uids, which Flink hashes into operator
 * ids the same way for every job.
 */
record SavepointSize(long bytesOnDisk, Map<KeyedBy, Long> stateBytes) {

    enum KeyedBy {
        USER,
        ITEM,
        OTHER
    }

    /** The pipeline's stateful operators by key; any other operator counts as {@code OTHER}. */
    private static final Map<KeyedBy, List<String>> UIDS =
            Map.of(
                    KeyedBy.USER,
                    List.of(
                            "erased-users",
                            "deduplicate",
                            "sessionizer",
                            "erased-user-sessions",
                            "user-features",
                            "score-users",
                            "shopper-history",
                            "session-segments",
                            "user-weeks",
                            "user-purchase-weeks"),
                    KeyedBy.ITEM,
                    // product-metrics is keyed by item and by category; categories are few
                    List.of("item-vectors", "neighbour-index", "product-metrics"));

    static SavepointSize of(String pointer) throws IOException {
        Path directory = Path.of(URI.create(pointer));
        Map<OperatorID, KeyedBy> keyOf = new HashMap<>();
        UIDS.forEach(
                (key, uids) ->
                        uids.forEach(
                                uid ->
                                        keyOf.put(
                                                new OperatorID(
                                                        StreamGraphHasherV2
                                                                .generateUserSpecifiedHash(uid)),
                                                key)));
        Map<KeyedBy, Long> bytes = new EnumMap<>(KeyedBy.class);
        for (KeyedBy key : KeyedBy.values()) {
            bytes.put(key, 0L);
        }
        for (OperatorState operator : metadata(directory, pointer).getOperatorStates()) {
            bytes.merge(
                    keyOf.getOrDefault(operator.getOperatorID(), KeyedBy.OTHER),
                    operator.getStateSize(),
                    Long::sum);
        }
        return new SavepointSize(FileUtils.getDirectoryFilesSize(directory), bytes);
    }

    private static CheckpointMetadata metadata(Path directory, String pointer) throws IOException {
        try (InputStream in = Files.newInputStream(directory.resolve("_metadata"))) {
            return Checkpoints.loadCheckpointMetadata(
                    new DataInputStream(in), SavepointSize.class.getClassLoader(), pointer);
        }
    }
}
