package io.github.clickstream.appliance.training;

import io.github.clickstream.appliance.features.UserFeatures;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Joins each user's features at the cut-off with what they did afterwards, once both inputs are
 * complete (a timer at the end of the bounded input). Users first seen after the cut-off have no
 * features and produce no row; users with no later events are labelled churned and not buying.
 */
public class TrainingRowJoiner
        extends KeyedCoProcessFunction<String, UserFeatures, FutureActivity, TrainingRow> {

    private transient ValueState<UserFeatures> features;
    private transient ValueState<FutureActivity> future;

    @Override
    public void open(OpenContext context) {
        features =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("features", UserFeatures.class));
        future =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("future", FutureActivity.class));
    }

    @Override
    public void processElement1(UserFeatures value, Context context, Collector<TrainingRow> out)
            throws Exception {
        features.update(value);
        context.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
    }

    @Override
    public void processElement2(FutureActivity value, Context context, Collector<TrainingRow> out)
            throws Exception {
        FutureActivity known = future.value();
        future.update(known == null ? value : known.merge(value));
        context.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<TrainingRow> out)
            throws Exception {
        UserFeatures userFeatures = features.value();
        if (userFeatures != null) {
            FutureActivity after = future.value();
            boolean purchased = after != null && after.purchasedWithinHorizon();
            boolean active = after != null && after.activeWithinHorizon();
            out.collect(new TrainingRow(userFeatures, purchased, !active));
        }
        features.clear();
        future.clear();
    }
}
