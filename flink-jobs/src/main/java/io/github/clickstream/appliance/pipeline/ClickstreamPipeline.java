package io.github.clickstream.appliance.pipeline;

import io.github.clickstream.appliance.erasure.Erasure;
import io.github.clickstream.appliance.erasure.Erasures;
import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.DeadLetter;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.Deduplicator;
import io.github.clickstream.appliance.events.ParseEvents;
import io.github.clickstream.appliance.events.RawEvent;
import io.github.clickstream.appliance.events.RawEventTime;
import io.github.clickstream.appliance.events.RejectedEvents;
import io.github.clickstream.appliance.features.UserFeatures;
import io.github.clickstream.appliance.scoring.ModelUpdate;
import io.github.clickstream.appliance.scoring.ScoredUser;
import io.github.clickstream.appliance.scoring.Scoring;
import io.github.clickstream.appliance.scoring.UserScoring;
import io.github.clickstream.appliance.sessions.SessionSummary;
import io.github.clickstream.appliance.similarity.ItemSimilarity;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The clickstream pipeline as a pure function of its input stream: parse and validate, drop
 * duplicates, sessionize, compute features. The raw events carry their event time from the source
 * ({@link #eventTime}, or {@link #withEventTime} for {@code env.fromData(...)}); jobs add sources
 * and sinks around it.
 */
public final class ClickstreamPipeline {

    private ClickstreamPipeline() {}

    /** The pipeline scoring with the shipped models only (no model updates). */
    public static PipelineOutputs build(DataStream<RawEvent> raw, PipelineConfig config) {
        return build(raw, noModelUpdates(raw.getExecutionEnvironment()), config);
    }

    /**
     * Event time for a source of raw events, to pass to {@code env.fromSource}: every split (Kafka
     * partition, file) keeps its own bounded out-of-orderness watermark, and a silent split goes
     * idle after {@link PipelineConfig#idleness()}. Watermarks taken after the source would follow
     * the split a reader has read furthest, and a reader catching up on several partitions would
     * then drop the others' events as late.
     */
    public static WatermarkStrategy<RawEvent> eventTime(PipelineConfig config) {
        WatermarkStrategy<RawEvent> eventTime =
                WatermarkStrategy.<RawEvent>forBoundedOutOfOrderness(config.outOfOrderness())
                        .withTimestampAssigner(new RawEventTime(config.parserLimits()));
        return config.idleness() == null ? eventTime : eventTime.withIdleness(config.idleness());
    }

    /** {@link #eventTime} for a stream that has no splits (collections in tests, benchmarks). */
    public static DataStream<RawEvent> withEventTime(
            DataStream<RawEvent> raw, PipelineConfig config) {
        return raw.assignTimestampsAndWatermarks(eventTime(config))
                .uid("event-time")
                .name("Assign event time");
    }

    /**
     * A stream that ends without an update (Flink's collection source needs one element). Once per
     * job: its operators have fixed uids, since the source keeps state in a savepoint.
     */
    public static DataStream<ModelUpdate> noModelUpdates(StreamExecutionEnvironment env) {
        return env.fromData(
                        List.of(new ModelUpdate("none", new byte[0], "none")),
                        TypeInformation.of(ModelUpdate.class))
                .uid("no-model-updates-source")
                .filter(update -> false)
                .uid("no-model-updates")
                .name("No model updates");
    }

    /** The pipeline; {@code modelUpdates} replace the scoring models while it runs. */
    public static PipelineOutputs build(
            DataStream<RawEvent> raw, DataStream<ModelUpdate> modelUpdates, PipelineConfig config) {
        return build(raw, modelUpdates, Erasures.none(raw.getExecutionEnvironment()), config);
    }

    /**
     * The pipeline; {@code erasures} make it forget users: every operator keyed by user clears
     * their state, and their later records are dropped right after parsing and after the
     * sessionizer (whose windows cannot be cleared from outside: an erased user's open window
     * expires by itself at session end plus allowed lateness, and its result is dropped).
     */
    public static PipelineOutputs build(
            DataStream<RawEvent> raw,
            DataStream<ModelUpdate> modelUpdates,
            DataStream<Erasure> erasures,
            PipelineConfig config) {
        SingleOutputStreamOperator<ClickEvent> parsed =
                raw.process(new ParseEvents(config.parserLimits()))
                        .uid("parse-events")
                        .name("Parse and validate events");
        DataStream<ClickEvent> admitted =
                Erasures.dropErased(parsed, ClickEvent::userId, erasures, "eventsOfErasedUsers")
                        .uid("erased-users")
                        .name("Drop events of erased users");
        SingleOutputStreamOperator<ClickEvent> unique =
                admitted.connect(erasures)
                        .keyBy(ClickEvent::userId, Erasure::userId)
                        .process(new Deduplicator(config.dedupWindow()))
                        .uid("deduplicate")
                        .name("Drop duplicate events");
        SingleOutputStreamOperator<SessionSummary> sessionized =
                SessionsAndFeatures.sessionize(unique, config);
        DataStream<SessionSummary> sessions =
                Erasures.dropErased(
                                sessionized,
                                SessionSummary::userId,
                                erasures,
                                "sessionsOfErasedUsers")
                        .uid("erased-user-sessions")
                        .name("Drop sessions of erased users");
        DataStream<UserFeatures> users = SessionsAndFeatures.features(sessions, erasures, config);
        SingleOutputStreamOperator<ScoredUser> scored =
                Scoring.of(users, modelUpdates, erasures, config.scoring());
        DataStream<DeadLetter> deadLetters =
                parsed.getSideOutput(ParseEvents.DEAD_LETTERS)
                        .union(
                                unique.getSideOutput(Deduplicator.DUPLICATES)
                                        .map(new RejectedEvents(DeadLetterReason.DUPLICATE_EVENT))
                                        .uid("duplicate-dead-letters")
                                        .name("Duplicates to dead letters"),
                                sessionized
                                        .getSideOutput(SessionsAndFeatures.LATE_EVENTS)
                                        .map(new RejectedEvents(DeadLetterReason.LATE_EVENT))
                                        .uid("late-dead-letters")
                                        .name("Late events to dead letters"),
                                scored.getSideOutput(UserScoring.REFUSED_MODELS));
        ItemSimilarity.Outputs similarity =
                ItemSimilarity.of(unique, erasures, config.similarity());
        return new PipelineOutputs(
                sessions,
                users,
                scored,
                scored.getSideOutput(UserScoring.MARKETING_ACTIONS),
                similarity,
                FunnelMetrics.of(sessions, scored, erasures, config),
                ProductMetrics.of(unique, config),
                CohortMetrics.of(sessions, erasures),
                deadLetters);
    }
}
