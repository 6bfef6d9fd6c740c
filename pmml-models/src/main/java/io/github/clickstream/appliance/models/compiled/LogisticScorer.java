package io.github.clickstream.appliance.models.compiled;

import io.github.clickstream.appliance.models.Contribution;
import io.github.clickstream.appliance.models.LoadedModel;
import io.github.clickstream.appliance.models.Scorer;
import java.util.List;
import org.dmg.pmml.regression.NumericPredictor;
import org.dmg.pmml.regression.RegressionModel;
import org.dmg.pmml.regression.RegressionTable;

/**
 * A binary logistic regression (PMML RegressionModel, logit, one table of numeric predictors and an
 * empty reference table) evaluated over primitive arrays. Its explanation is coefficient ×
 * transformed value per predictor: for scikit-learn's scaled inputs, coefficient × z-score.
 */
final class LogisticScorer implements Scorer {

    private final List<String> inputNames;
    private final double intercept;
    private final double[] coefficients;
    private final FieldTransform[] predictors;
    private final boolean positiveIsReference;

    private LogisticScorer(
            List<String> inputNames,
            double intercept,
            double[] coefficients,
            FieldTransform[] predictors,
            boolean positiveIsReference) {
        this.inputNames = inputNames;
        this.intercept = intercept;
        this.coefficients = coefficients;
        this.predictors = predictors;
        this.positiveIsReference = positiveIsReference;
    }

    static Scorer compile(LoadedModel loaded, List<String> inputNames, String positiveCategory)
            throws NotCompilable {
        if (!(loaded.model() instanceof RegressionModel model)
                || model.getNormalizationMethod() != RegressionModel.NormalizationMethod.LOGIT
                || model.getRegressionTables().size() != 2) {
            throw new NotCompilable("not a binary logistic regression");
        }
        RegressionTable active = model.getRegressionTables().get(0);
        RegressionTable reference = model.getRegressionTables().get(1);
        if (!reference.getNumericPredictors().isEmpty()
                || reference.requireIntercept().doubleValue() != 0.0
                || !active.getCategoricalPredictors().isEmpty()
                || !active.getPredictorTerms().isEmpty()) {
            throw new NotCompilable("regression tables beyond numeric predictors");
        }
        FieldResolver resolver = new FieldResolver(loaded, inputNames);
        List<NumericPredictor> numeric = active.getNumericPredictors();
        double[] coefficients = new double[numeric.size()];
        FieldTransform[] predictors = new FieldTransform[numeric.size()];
        for (int i = 0; i < numeric.size(); i++) {
            NumericPredictor predictor = numeric.get(i);
            if (predictor.getExponent() != null && predictor.getExponent() != 1) {
                throw new NotCompilable("exponent " + predictor.getExponent());
            }
            coefficients[i] = predictor.requireCoefficient().doubleValue();
            predictors[i] = resolver.resolve(predictor.requireField());
        }
        boolean positiveIsReference =
                positiveCategory.equals(String.valueOf(reference.requireTargetCategory()));
        if (!positiveIsReference
                && !positiveCategory.equals(String.valueOf(active.requireTargetCategory()))) {
            throw new NotCompilable("no table for category " + positiveCategory);
        }
        return new LogisticScorer(
                inputNames,
                active.requireIntercept().doubleValue(),
                coefficients,
                predictors,
                positiveIsReference);
    }

    @Override
    public List<String> inputNames() {
        return inputNames;
    }

    @Override
    public double predict(double[] inputs) {
        double y = intercept;
        for (int i = 0; i < coefficients.length; i++) {
            y += coefficients[i] * predictors[i].apply(inputs);
        }
        double probability = 1.0 / (1.0 + Math.exp(-y));
        return positiveIsReference ? 1.0 - probability : probability;
    }

    @Override
    public List<Contribution> explain(double[] inputs, int top) {
        TopContributions contributions = new TopContributions();
        double sign = positiveIsReference ? -1.0 : 1.0;
        for (int i = 0; i < coefficients.length; i++) {
            contributions.add(
                    predictors[i].inputName(),
                    sign * coefficients[i] * predictors[i].apply(inputs));
        }
        return contributions.top(top);
    }
}
