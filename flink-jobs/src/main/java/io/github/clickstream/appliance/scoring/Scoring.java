package io.github.clickstream.appliance.scoring;

import io.github.clickstream.appliance.features.UserFeatures;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** Wires {@link UserScoring}: user updates keyed by user, model updates broadcast to all. */
public final class Scoring {

    private Scoring() {}

    public static SingleOutputStreamOperator<ScoredUser> of(
            DataStream<UserFeatures> users,
            DataStream<ModelUpdate> modelUpdates,
            ScoringConfig config) {
        BroadcastStream<ModelUpdate> models = modelUpdates.broadcast(UserScoring.MODELS);
        return users.keyBy(UserFeatures::userId)
                .connect(models)
                .process(new UserScoring(config))
                .uid("score-users")
                .name("Score users (PMML)");
    }
}
