package io.github.clickstream.appliance.models.compiled;

import io.github.clickstream.appliance.models.Contribution;
import io.github.clickstream.appliance.models.LoadedModel;
import io.github.clickstream.appliance.models.Scorer;
import java.util.List;
import org.dmg.pmml.CompareFunction;
import org.dmg.pmml.ComparisonMeasure;
import org.dmg.pmml.SquaredEuclidean;
import org.dmg.pmml.clustering.Cluster;
import org.dmg.pmml.clustering.ClusteringField;
import org.dmg.pmml.clustering.ClusteringModel;
import org.jpmml.evaluator.ArrayUtil;

/**
 * A center-based clustering model with (squared) Euclidean distance and unit field weights, the
 * shape of scikit-learn's KMeans: the prediction is the position of the nearest center, ties going
 * to the first, as jpmml does.
 */
final class KMeansScorer implements Scorer {

    private final List<String> inputNames;
    private final FieldTransform[] fields;
    private final double[][] centers;

    private KMeansScorer(List<String> inputNames, FieldTransform[] fields, double[][] centers) {
        this.inputNames = inputNames;
        this.fields = fields;
        this.centers = centers;
    }

    static Scorer compile(LoadedModel loaded, List<String> inputNames) throws NotCompilable {
        if (!(loaded.model() instanceof ClusteringModel model)
                || model.requireModelClass() != ClusteringModel.ModelClass.CENTER_BASED) {
            throw new NotCompilable("not a center-based clustering model");
        }
        ComparisonMeasure measure = model.requireComparisonMeasure();
        if (measure.getKind() != ComparisonMeasure.Kind.DISTANCE
                || !(measure.requireMeasure() instanceof SquaredEuclidean)
                || measure.getCompareFunction() != CompareFunction.ABS_DIFF
                || model.getMissingValueWeights() != null) {
            throw new NotCompilable("not a squared Euclidean distance");
        }
        FieldResolver resolver = new FieldResolver(loaded, inputNames);
        List<ClusteringField> clusteringFields = model.requireClusteringFields();
        FieldTransform[] fields = new FieldTransform[clusteringFields.size()];
        for (int i = 0; i < fields.length; i++) {
            ClusteringField field = clusteringFields.get(i);
            if (field.getFieldWeight().doubleValue() != 1.0 || field.getCompareFunction() != null) {
                throw new NotCompilable("weighted clustering field " + field.requireField());
            }
            fields[i] = resolver.resolve(field.requireField());
        }
        List<Cluster> clusters = model.requireClusters();
        double[][] centers = new double[clusters.size()][];
        for (int c = 0; c < centers.length; c++) {
            List<? extends Number> values = ArrayUtil.asNumberList(clusters.get(c).requireArray());
            if (values.size() != fields.length) {
                throw new NotCompilable("center of the wrong length");
            }
            centers[c] = values.stream().mapToDouble(Number::doubleValue).toArray();
        }
        return new KMeansScorer(inputNames, fields, centers);
    }

    @Override
    public List<String> inputNames() {
        return inputNames;
    }

    @Override
    public double predict(double[] inputs) {
        double[] point = new double[fields.length];
        for (int f = 0; f < fields.length; f++) {
            point[f] = fields[f].apply(inputs);
            if (Double.isNaN(point[f])) {
                return Double.NaN;
            }
        }
        int nearest = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centers.length; c++) {
            double distance = 0;
            for (int f = 0; f < point.length; f++) {
                double d = point[f] - centers[c][f];
                distance += d * d;
            }
            if (distance < best) {
                best = distance;
                nearest = c;
            }
        }
        return nearest;
    }

    @Override
    public List<Contribution> explain(double[] inputs, int top) {
        return List.of();
    }
}
