package io.github.clickstream.appliance.bench;

import io.github.clickstream.appliance.models.LoadedModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dmg.pmml.Apply;
import org.dmg.pmml.Constant;
import org.dmg.pmml.DerivedField;
import org.dmg.pmml.Expression;
import org.dmg.pmml.FieldRef;
import org.dmg.pmml.regression.NumericPredictor;
import org.dmg.pmml.regression.RegressionModel;
import org.dmg.pmml.regression.RegressionTable;

/**
 * The baseline a Java developer would write by hand for a scikit-learn StandardScaler +
 * LogisticRegression: constants read once from the PMML, then plain arithmetic per record. Only the
 * PMML shape of purchase_propensity is understood; anything else is rejected.
 */
final class HandWrittenLogistic {

    private final int[] inputIndex;
    private final double[] means;
    private final double[] scales;
    private final double[] coefficients;
    private final double intercept;

    private HandWrittenLogistic(
            int[] inputIndex,
            double[] means,
            double[] scales,
            double[] coefficients,
            double intercept) {
        this.inputIndex = inputIndex;
        this.means = means;
        this.scales = scales;
        this.coefficients = coefficients;
        this.intercept = intercept;
    }

    /** Reads the constants; inputs are then expected in {@code inputNames} order. */
    static HandWrittenLogistic from(LoadedModel loaded, List<String> inputNames) {
        if (!(loaded.model() instanceof RegressionModel model)) {
            throw new IllegalArgumentException(loaded.label() + " is not a logistic regression");
        }
        Map<String, DerivedField> derived = new HashMap<>();
        model.getLocalTransformations()
                .getDerivedFields()
                .forEach(f -> derived.put(f.requireName(), f));
        RegressionTable table =
                model.getRegressionTables().stream()
                        .filter(t -> "1".equals(String.valueOf(t.getTargetCategory())))
                        .findFirst()
                        .orElseThrow();
        List<NumericPredictor> predictors = table.getNumericPredictors();
        int n = predictors.size();
        int[] inputIndex = new int[n];
        double[] means = new double[n];
        double[] scales = new double[n];
        double[] coefficients = new double[n];
        for (int i = 0; i < n; i++) {
            NumericPredictor predictor = predictors.get(i);
            // (x - mean) / scale, as Apply("/", Apply("-", FieldRef x, mean), scale)
            Apply divide = (Apply) derived.get(predictor.requireField()).requireExpression();
            Apply subtract = (Apply) divide.getExpressions().get(0);
            String input = ((FieldRef) subtract.getExpressions().get(0)).requireField();
            inputIndex[i] = inputNames.indexOf(input);
            means[i] = constant(subtract.getExpressions().get(1));
            scales[i] = constant(divide.getExpressions().get(1));
            coefficients[i] = predictor.requireCoefficient().doubleValue();
        }
        return new HandWrittenLogistic(
                inputIndex, means, scales, coefficients, table.requireIntercept().doubleValue());
    }

    /** The probability of class 1; a missing input (NaN) counts as 0.0, the PMML's replacement. */
    double predict(double[] inputs) {
        double y = intercept;
        for (int i = 0; i < coefficients.length; i++) {
            double x = inputs[inputIndex[i]];
            if (Double.isNaN(x)) {
                x = 0.0;
            }
            y += coefficients[i] * ((x - means[i]) / scales[i]);
        }
        return 1.0 / (1.0 + Math.exp(-y));
    }

    private static double constant(Expression expression) {
        return Double.parseDouble(String.valueOf(((Constant) expression).getValue()));
    }
}
