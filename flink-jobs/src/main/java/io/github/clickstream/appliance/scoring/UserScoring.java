package io.github.clickstream.appliance.scoring;

import io.github.clickstream.appliance.erasure.ErasedFlag;
import io.github.clickstream.appliance.events.DeadLetter;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.features.ModelFeatures;
import io.github.clickstream.appliance.features.UserFeatures;
import io.github.clickstream.appliance.models.DeployedModel;
import io.github.clickstream.appliance.models.GoldenSet;
import io.github.clickstream.appliance.models.ModelDeployer;
import io.github.clickstream.appliance.models.ModelRejectedException;
import io.github.clickstream.appliance.models.ModelSet;
import io.github.clickstream.appliance.models.ModelSlot;
import io.github.clickstream.appliance.models.ShippedModels;
import io.github.clickstream.appliance.models.UserScores;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores each user update with the three models, and swaps models without a restart: model updates
 * arrive on a broadcast stream, every parallel instance validates them through {@link
 * ModelDeployer} (deterministic, so all agree), and an accepted one replaces its slot atomically
 * between two records. The accepted documents live in broadcast state, so a restore from a
 * checkpoint scores with them too. A refused one is logged, counted and dead-lettered (by the first
 * instance only), and the old model keeps scoring.
 *
 * <p>Per user it remembers whether they were at risk and their segment, to send a marketing action
 * once per upward crossing of the churn threshold and once per segment change; an erasure clears
 * both and leaves only the erased mark.
 */
public final class UserScoring
        extends KeyedBroadcastProcessFunction<String, ScoringInput, ModelUpdate, ScoredUser> {

    public static final MapStateDescriptor<String, byte[]> MODELS =
            new MapStateDescriptor<>(
                    "models", Types.STRING, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    public static final OutputTag<MarketingAction> MARKETING_ACTIONS =
            new OutputTag<>("marketing-actions") {};
    public static final OutputTag<DeadLetter> REFUSED_MODELS = new OutputTag<>("refused-models") {};

    private static final Logger LOG = LoggerFactory.getLogger(UserScoring.class);
    private static final int DETAIL_PAYLOAD_CHARS = 2_000;

    private final ScoringConfig config;

    private transient ModelDeployer deployer;
    private transient ModelSet models;
    private transient Map<ModelSlot, byte[]> applied;
    private transient boolean restoreChecked;
    private transient ValueState<Boolean> atRisk;
    private transient ValueState<String> segment;
    private transient ErasedFlag erased;
    private transient Counter accepted;
    private transient Counter refused;

    public UserScoring(ScoringConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext context) throws ModelRejectedException {
        deployer =
                new ModelDeployer(
                        ModelFeatures.NAMES,
                        GoldenSet.shipped(ModelFeatures.NAMES),
                        config.modelLimits());
        models = ShippedModels.deploy(deployer);
        applied = new EnumMap<>(ModelSlot.class);
        atRisk = getRuntimeContext().getState(new ValueStateDescriptor<>("at-risk", Types.BOOLEAN));
        segment = getRuntimeContext().getState(new ValueStateDescriptor<>("segment", Types.STRING));
        erased = new ErasedFlag(getRuntimeContext());
        accepted = getRuntimeContext().getMetricGroup().counter("modelsAccepted");
        refused = getRuntimeContext().getMetricGroup().counter("modelsRefused");
    }

    @Override
    public void processElement(ScoringInput input, ReadOnlyContext ctx, Collector<ScoredUser> out)
            throws Exception {
        if (input.isErasure()) {
            atRisk.clear();
            segment.clear();
            erased.set();
            return;
        }
        if (erased.isSet()) {
            return; // an update that passed the gate before the erasure did
        }
        UserFeatures features = input.features();
        adoptRestoredModels(ctx.getBroadcastState(MODELS));
        UserScores scores = models.score(ModelFeatures.values(features));
        out.collect(new ScoredUser(features, scores));
        checkChurnCrossing(features, scores, ctx);
        checkSegmentChange(features, scores, ctx);
    }

    @Override
    public void processBroadcastElement(ModelUpdate update, Context ctx, Collector<ScoredUser> out)
            throws Exception {
        BroadcastState<String, byte[]> state = ctx.getBroadcastState(MODELS);
        try {
            ModelSlot slot = parseSlot(update.slot());
            DeployedModel model = deployer.deploy(slot, update.pmml());
            models = models.with(model);
            applied.put(slot, update.pmml());
            state.put(slot.key(), update.pmml());
            accepted.inc();
            LOG.info("Model {} from {} now scores {}", model.label(), update.source(), slot.key());
        } catch (ModelRejectedException e) {
            refused.inc();
            LOG.warn(
                    "Model from {} refused, the old one keeps scoring: {}",
                    update.source(),
                    e.getMessage());
            if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
                ctx.output(REFUSED_MODELS, deadLetter(update, e, ctx.currentProcessingTime()));
            }
        }
    }

    private static ModelSlot parseSlot(String slot) throws ModelRejectedException {
        try {
            return ModelSlot.parse(Objects.requireNonNullElse(slot, ""));
        } catch (IllegalArgumentException e) {
            throw new ModelRejectedException(
                    ModelRejectedException.Reason.WRONG_MODEL_KIND, e.getMessage());
        }
    }

    /**
     * After a restore, the models accepted before it are in broadcast state; use them. Checked on
     * the first record only: later updates all pass through {@link #processBroadcastElement}.
     */
    private void adoptRestoredModels(ReadOnlyBroadcastState<String, byte[]> state)
            throws Exception {
        if (restoreChecked) {
            return;
        }
        restoreChecked = true;
        for (ModelSlot slot : ModelSlot.values()) {
            byte[] stored = state.get(slot.key());
            if (stored != null && stored != applied.get(slot)) {
                models = models.with(deployer.deploy(slot, stored));
                applied.put(slot, stored);
            }
        }
    }

    private void checkChurnCrossing(UserFeatures features, UserScores scores, ReadOnlyContext ctx)
            throws Exception {
        if (scores.churnRisk() == null) {
            return;
        }
        boolean nowAtRisk = scores.churnRisk() >= config.churnThreshold();
        if (nowAtRisk && !Boolean.TRUE.equals(atRisk.value())) {
            ctx.output(
                    MARKETING_ACTIONS,
                    action(
                            features,
                            scores,
                            MarketingAction.Kind.CHURN_RISK_CROSSED,
                            String.format(
                                    java.util.Locale.ROOT,
                                    "churn risk %.3f crossed %.2f",
                                    scores.churnRisk(),
                                    config.churnThreshold()),
                            null));
        }
        atRisk.update(nowAtRisk);
    }

    private void checkSegmentChange(UserFeatures features, UserScores scores, ReadOnlyContext ctx)
            throws Exception {
        if (scores.segmentName() == null) {
            return;
        }
        String previous = segment.value();
        if (previous != null && !previous.equals(scores.segmentName())) {
            ctx.output(
                    MARKETING_ACTIONS,
                    action(
                            features,
                            scores,
                            MarketingAction.Kind.SEGMENT_CHANGED,
                            "segment changed from " + previous + " to " + scores.segmentName(),
                            previous));
        }
        segment.update(scores.segmentName());
    }

    private static MarketingAction action(
            UserFeatures features,
            UserScores scores,
            MarketingAction.Kind kind,
            String reason,
            String previousSegment) {
        return new MarketingAction(
                features.userId() + ":" + kind + ":" + features.asOf(),
                features.userId(),
                kind,
                reason,
                scores.purchasePropensity(),
                scores.churnRisk(),
                scores.segmentId(),
                scores.segmentName(),
                previousSegment,
                features.asOf(),
                scores.modelVersions());
    }

    private static DeadLetter deadLetter(ModelUpdate update, ModelRejectedException e, long now) {
        String document = new String(update.pmml(), StandardCharsets.UTF_8);
        return new DeadLetter(
                DeadLetterReason.MODEL_REFUSED,
                e.getMessage(),
                document.length() > DETAIL_PAYLOAD_CHARS
                        ? document.substring(0, DETAIL_PAYLOAD_CHARS)
                        : document,
                update.source(),
                now,
                null,
                null);
    }
}
