package io.github.clickstream.appliance.models.compiled;

import io.github.clickstream.appliance.models.LoadedModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dmg.pmml.Apply;
import org.dmg.pmml.Constant;
import org.dmg.pmml.DataType;
import org.dmg.pmml.DerivedField;
import org.dmg.pmml.Expression;
import org.dmg.pmml.FieldRef;
import org.dmg.pmml.LocalTransformations;
import org.dmg.pmml.MiningField;
import org.dmg.pmml.TransformationDictionary;

/**
 * Turns a field name used by a model (an input or a derived field) into a {@link FieldTransform}
 * over the model's inputs. Derived fields must be arithmetic of one field with constants, or a
 * cast: what scikit-learn's scalers and tree casts become in PMML.
 */
final class FieldResolver {

    private final Map<String, Integer> inputs = new HashMap<>();
    private final Map<String, Double> replacements = new HashMap<>();
    private final Map<String, DerivedField> derived = new HashMap<>();

    FieldResolver(LoadedModel loaded, List<String> inputNames) throws NotCompilable {
        for (int i = 0; i < inputNames.size(); i++) {
            inputs.put(inputNames.get(i), i);
        }
        for (MiningField field : loaded.model().requireMiningSchema().getMiningFields()) {
            if (field.getOutlierTreatment() != null
                    && field.getOutlierTreatment() != org.dmg.pmml.OutlierTreatmentMethod.AS_IS) {
                throw new NotCompilable("outlier treatment on " + field.requireName());
            }
            Object replacement = field.getMissingValueReplacement();
            replacements.put(
                    field.requireName(),
                    replacement == null ? Double.NaN : Double.parseDouble(replacement.toString()));
        }
        TransformationDictionary dictionary = loaded.pmml().getTransformationDictionary();
        if (dictionary != null) {
            dictionary.getDerivedFields().forEach(f -> derived.put(f.requireName(), f));
        }
        LocalTransformations local = loaded.model().getLocalTransformations();
        if (local != null) {
            local.getDerivedFields().forEach(f -> derived.put(f.requireName(), f));
        }
    }

    FieldTransform resolve(String name) throws NotCompilable {
        Integer input = inputs.get(name);
        if (input != null) {
            return FieldTransform.input(input, name, replacements.getOrDefault(name, Double.NaN));
        }
        DerivedField field = derived.get(name);
        if (field == null) {
            throw new NotCompilable("unknown field " + name);
        }
        FieldTransform value = expression(field.requireExpression());
        if (field.requireDataType() == DataType.FLOAT) {
            return value.then(FieldTransform.Op.TO_FLOAT, 0);
        }
        if (field.requireDataType() != DataType.DOUBLE) {
            throw new NotCompilable("derived field " + name + " of type " + field.getDataType());
        }
        return value;
    }

    private FieldTransform expression(Expression expression) throws NotCompilable {
        if (expression instanceof FieldRef ref) {
            return resolve(ref.requireField());
        }
        if (!(expression instanceof Apply apply) || apply.getExpressions().size() != 2) {
            throw new NotCompilable("expression " + expression.getClass().getSimpleName());
        }
        Expression left = apply.getExpressions().get(0);
        Expression right = apply.getExpressions().get(1);
        String function = apply.requireFunction();
        if (right instanceof Constant constant) {
            return expression(left).then(op(function, false), number(constant));
        }
        if (left instanceof Constant constant) {
            return expression(right).then(op(function, true), number(constant));
        }
        throw new NotCompilable("Apply " + function + " of two fields");
    }

    private static FieldTransform.Op op(String function, boolean constantFirst)
            throws NotCompilable {
        return switch (function) {
            case "+" -> FieldTransform.Op.ADD;
            case "*" -> FieldTransform.Op.MULTIPLY;
            case "-" ->
                    constantFirst ? FieldTransform.Op.SUBTRACT_FROM : FieldTransform.Op.SUBTRACT;
            case "/" -> constantFirst ? FieldTransform.Op.DIVIDE_INTO : FieldTransform.Op.DIVIDE;
            default -> throw new NotCompilable("Apply " + function);
        };
    }

    private static double number(Constant constant) throws NotCompilable {
        if (constant.getValue() == null || constant.isMissing()) {
            throw new NotCompilable("missing constant");
        }
        return Double.parseDouble(constant.getValue().toString());
    }
}
