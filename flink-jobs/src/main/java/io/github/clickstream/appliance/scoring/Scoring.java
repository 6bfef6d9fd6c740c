package io.github.clickstream.appliance.scoring;

import io.github.clickstream.appliance.erasure.Erasure;
import io.github.clickstream.appliance.features.UserFeatures;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Wires {@link UserScoring}: user updates and erasures keyed by user, model updates broadcast to
 * all.
 */
public final class Scoring {

    private Scoring() {}

    public static SingleOutputStreamOperator<ScoredUser> of(
            DataStream<UserFeatures> users,
            DataStream<ModelUpdate> modelUpdates,
            DataStream<Erasure> erasures,
            ScoringConfig config) {
        BroadcastStream<ModelUpdate> models = modelUpdates.broadcast(UserScoring.MODELS);
        DataStream<ScoringInput> inputs =
                users.map(ScoringInput::update)
                        .returns(ScoringInput.class)
                        .uid("scoring-updates")
                        .name("Feature updates to score")
                        .union(
                                erasures.map(e -> ScoringInput.erasure(e.userId()))
                                        .returns(ScoringInput.class)
                                        .uid("scoring-erasures")
                                        .name("Erasures to scoring"));
        return inputs.keyBy(ScoringInput::userId)
                .connect(models)
                .process(new UserScoring(config))
                .uid("score-users")
                .name("Score users (PMML)");
    }
}
