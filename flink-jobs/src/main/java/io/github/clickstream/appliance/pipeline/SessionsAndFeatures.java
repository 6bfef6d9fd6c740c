package io.github.clickstream.appliance.pipeline;

import io.github.clickstream.appliance.erasure.Erasure;
import io.github.clickstream.appliance.erasure.Erasures;
import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.features.UserFeatureUpdater;
import io.github.clickstream.appliance.features.UserFeatures;
import io.github.clickstream.appliance.sessions.SessionAggregator;
import io.github.clickstream.appliance.sessions.SessionEmitter;
import io.github.clickstream.appliance.sessions.SessionSummary;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.util.OutputTag;

/**
 * The keyed heart of the pipeline: valid, time-stamped events become per-user sessions (event-time
 * session windows with allowed lateness) and sessions become user features.
 */
public final class SessionsAndFeatures {

    public static final OutputTag<ClickEvent> LATE_EVENTS = new OutputTag<>("late-events") {};

    private SessionsAndFeatures() {}

    public static SingleOutputStreamOperator<SessionSummary> sessionize(
            DataStream<ClickEvent> events, PipelineConfig config) {
        return events.keyBy(ClickEvent::userId)
                .window(EventTimeSessionWindows.withGap(config.sessionGap()))
                .allowedLateness(config.allowedLateness())
                .sideOutputLateData(LATE_EVENTS)
                .aggregate(new SessionAggregator(), new SessionEmitter())
                .uid("sessionizer")
                .name("Sessionize per user");
    }

    public static SingleOutputStreamOperator<UserFeatures> features(
            DataStream<SessionSummary> sessions, PipelineConfig config) {
        return features(sessions, Erasures.none(sessions.getExecutionEnvironment()), config);
    }

    /** Features that forget a user on an erasure. */
    public static SingleOutputStreamOperator<UserFeatures> features(
            DataStream<SessionSummary> sessions,
            DataStream<Erasure> erasures,
            PipelineConfig config) {
        return sessions.connect(erasures)
                .keyBy(SessionSummary::userId, Erasure::userId)
                .process(
                        new UserFeatureUpdater(
                                config.featureWindows(),
                                config.userRetention(),
                                config.featuresAsOf()))
                .uid("user-features")
                .name("Rolling user features");
    }
}
