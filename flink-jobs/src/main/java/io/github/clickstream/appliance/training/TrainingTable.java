package io.github.clickstream.appliance.training;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.features.UserFeatures;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.pipeline.SessionsAndFeatures;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Builds the training table from time-stamped events with the streaming pipeline's own operators:
 * events up to the cut-off become features as of the cut-off, events after it become labels. Run in
 * batch execution mode over a file; what a model sees in training is what it sees in scoring.
 */
public final class TrainingTable {

    private TrainingTable() {}

    public static DataStream<TrainingRow> build(
            DataStream<ClickEvent> events, PipelineConfig config, LabelHorizons horizons) {
        DataStream<ClickEvent> past =
                events.filter(e -> horizons.beforeCutOff(e.timestamp()))
                        .uid("events-before-cut-off")
                        .name("Events before the cut-off");
        DataStream<UserFeatures> features =
                SessionsAndFeatures.features(
                        SessionsAndFeatures.sessionize(past, config),
                        config.withFeaturesAsOf(horizons.asOf()));
        DataStream<FutureActivity> future =
                events.filter(e -> horizons.withinChurnHorizon(e.timestamp()))
                        .uid("events-after-cut-off")
                        .name("Events after the cut-off")
                        .map(
                                e ->
                                        new FutureActivity(
                                                e.userId(),
                                                e.eventType() == EventType.PURCHASE
                                                        && horizons.withinPurchaseHorizon(
                                                                e.timestamp()),
                                                true))
                        .uid("future-activity")
                        .name("Label future activity");
        return features.connect(future)
                .keyBy(UserFeatures::userId, FutureActivity::userId)
                .process(new TrainingRowJoiner())
                .uid("training-rows")
                .name("Join features with labels");
    }
}
