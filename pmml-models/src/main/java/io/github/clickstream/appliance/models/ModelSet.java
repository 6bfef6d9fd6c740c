package io.github.clickstream.appliance.models;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The models in use, one per slot; a new model replaces its slot's without touching the rest. */
public final class ModelSet {

    public static final int REASONS_PER_MODEL = 3;

    private final Map<ModelSlot, DeployedModel> models;

    private ModelSet(Map<ModelSlot, DeployedModel> models) {
        this.models = models;
    }

    public static ModelSet of(List<DeployedModel> models) {
        Map<ModelSlot, DeployedModel> bySlot = new EnumMap<>(ModelSlot.class);
        models.forEach(m -> bySlot.put(m.slot(), m));
        if (bySlot.size() != ModelSlot.values().length) {
            throw new IllegalArgumentException("need one model per slot, got " + bySlot.keySet());
        }
        return new ModelSet(bySlot);
    }

    public ModelSet with(DeployedModel model) {
        Map<ModelSlot, DeployedModel> next = new EnumMap<>(models);
        next.put(model.slot(), model);
        return new ModelSet(next);
    }

    public DeployedModel get(ModelSlot slot) {
        return models.get(slot);
    }

    public UserScores score(double[] features) {
        DeployedModel propensity = models.get(ModelSlot.PURCHASE_PROPENSITY);
        DeployedModel churn = models.get(ModelSlot.CHURN_RISK);
        DeployedModel segment = models.get(ModelSlot.SEGMENT);
        double cluster = segment.predict(features);
        Integer segmentId = Double.isNaN(cluster) ? null : (int) cluster;
        List<ScoreReason> reasons = new ArrayList<>();
        addReasons(reasons, propensity, features);
        addReasons(reasons, churn, features);
        return new UserScores(
                orNull(propensity.predict(features)),
                orNull(churn.predict(features)),
                segmentId,
                segmentId == null ? null : segment.clusterName(segmentId),
                reasons,
                List.of(propensity.label(), churn.label(), segment.label()));
    }

    private static void addReasons(List<ScoreReason> out, DeployedModel model, double[] features) {
        String name = model.slot().key();
        for (Contribution c : model.explain(features, REASONS_PER_MODEL)) {
            out.add(new ScoreReason(name, c.feature(), c.value()));
        }
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
