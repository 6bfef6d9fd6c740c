package io.github.clickstream.appliance.models;

import io.github.clickstream.appliance.models.ModelRejectedException.Reason;
import io.github.clickstream.appliance.models.compiled.ScorerCompiler;
import java.util.List;
import org.dmg.pmml.clustering.ClusteringModel;

/**
 * The one way a model reaches scoring: {@link ModelLoader}'s checks, then the slot's model kind,
 * the inputs against the features the pipeline produces, and the golden set. Nothing partial comes
 * out: either a ready {@link DeployedModel} or a {@link ModelRejectedException}.
 */
public final class ModelDeployer {

    private static final double AGREEMENT = 1e-9;

    private final List<String> featureNames;
    private final GoldenSet golden;
    private final ModelLoader loader;

    public ModelDeployer(List<String> featureNames, GoldenSet golden, ModelLimits limits) {
        this.featureNames = List.copyOf(featureNames);
        this.golden = golden;
        this.loader = new ModelLoader(limits);
    }

    public DeployedModel deploy(ModelSlot slot, byte[] document) throws ModelRejectedException {
        LoadedModel loaded = loader.load(document);
        if (loaded.model().requireMiningFunction() != slot.kind()) {
            throw new ModelRejectedException(
                    Reason.WRONG_MODEL_KIND,
                    slot.key()
                            + " needs a "
                            + slot.kind().value()
                            + " model, "
                            + loaded.label()
                            + " is "
                            + loaded.model().getMiningFunction().value());
        }
        List<String> inputs = ModelInputs.names(loaded);
        int[] positions = new int[inputs.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = featureNames.indexOf(inputs.get(i));
            if (positions[i] < 0) {
                throw new ModelRejectedException(
                        Reason.MISSING_INPUT,
                        "model input '"
                                + inputs.get(i)
                                + "' is not a feature the pipeline produces "
                                + featureNames);
            }
        }
        List<String> clusterNames =
                loaded.model() instanceof ClusteringModel clustering
                        ? ModelInputs.clusterNames(clustering)
                        : List.of();
        Scorer scorer = ScorerCompiler.compile(loaded);
        DeployedModel model =
                new DeployedModel(slot, loaded.label(), scorer, positions, clusterNames);
        checkGolden(
                model,
                new DeployedModel(
                        slot,
                        loaded.label(),
                        new InterpretedScorer(loaded),
                        positions,
                        clusterNames),
                clusterNames.size());
        return model;
    }

    private void checkGolden(DeployedModel model, DeployedModel reference, int clusters)
            throws ModelRejectedException {
        for (int r = 0; r < golden.rows().size(); r++) {
            double[] row = golden.rows().get(r);
            double score = model.predict(row);
            double expected = reference.predict(row);
            boolean valid =
                    clusters > 0
                            ? score >= 0 && score < clusters && score == Math.rint(score)
                            : score >= 0 && score <= 1;
            if (!valid) {
                throw new ModelRejectedException(
                        Reason.GOLDEN_SET_FAILED,
                        model.label() + " gives " + score + " for golden row " + r);
            }
            if (!(Math.abs(score - expected) <= AGREEMENT)) {
                throw new ModelRejectedException(
                        Reason.GOLDEN_SET_FAILED,
                        model.label()
                                + " scores golden row "
                                + r
                                + " as "
                                + score
                                + ", jpmml as "
                                + expected);
            }
        }
    }
}
