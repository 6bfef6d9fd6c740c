package io.github.clickstream.appliance.models;

import io.github.clickstream.appliance.models.ModelRejectedException.Reason;
import java.util.HashSet;
import java.util.Set;
import org.dmg.pmml.Apply;
import org.dmg.pmml.DefineFunction;
import org.dmg.pmml.PMML;
import org.dmg.pmml.VisitorAction;
import org.jpmml.model.visitors.AbstractVisitor;

/**
 * Refuses models whose {@code Apply} elements call anything but a PMML built-in function or a
 * function the document itself defines. jpmml-evaluator resolves an unknown function name by
 * loading a Java class of that name, so an unchecked model could run code from the classpath.
 */
final class BuiltinFunctions {

    /** The built-in functions of PMML 4.4 (section "Built-in functions"). */
    static final Set<String> PMML_BUILTINS =
            Set.of(
                    "+",
                    "-",
                    "*",
                    "/",
                    "min",
                    "max",
                    "sum",
                    "avg",
                    "median",
                    "product",
                    "log10",
                    "ln",
                    "sqrt",
                    "abs",
                    "exp",
                    "pow",
                    "threshold",
                    "floor",
                    "ceil",
                    "round",
                    "modulo",
                    "isMissing",
                    "isNotMissing",
                    "isValid",
                    "isNotValid",
                    "equal",
                    "notEqual",
                    "lessThan",
                    "lessOrEqual",
                    "greaterThan",
                    "greaterOrEqual",
                    "isIn",
                    "isNotIn",
                    "and",
                    "or",
                    "not",
                    "if",
                    "uppercase",
                    "lowercase",
                    "substring",
                    "trimBlanks",
                    "concat",
                    "replace",
                    "matches",
                    "formatNumber",
                    "formatDatetime",
                    "dateDaysSinceYear",
                    "dateSecondsSinceYear",
                    "dateSecondsSinceMidnight",
                    "normalCDF",
                    "normalPDF",
                    "stdNormalCDF",
                    "stdNormalPDF",
                    "erf",
                    "normalIDF",
                    "stdNormalIDF",
                    "expm1",
                    "hypot",
                    "ln1p",
                    "rint",
                    "sin",
                    "cos",
                    "tan",
                    "asin",
                    "acos",
                    "atan",
                    "atan2",
                    "sinh",
                    "cosh",
                    "tanh");

    private BuiltinFunctions() {}

    static void check(PMML pmml) throws ModelRejectedException {
        Set<String> defined = new HashSet<>();
        Set<String> called = new HashSet<>();
        new AbstractVisitor() {
            @Override
            public VisitorAction visit(DefineFunction function) {
                defined.add(function.requireName());
                return super.visit(function);
            }

            @Override
            public VisitorAction visit(Apply apply) {
                called.add(apply.requireFunction());
                return super.visit(apply);
            }
        }.applyTo(pmml);
        for (String function : called) {
            if (!PMML_BUILTINS.contains(function) && !defined.contains(function)) {
                throw new ModelRejectedException(
                        Reason.FORBIDDEN_FUNCTION,
                        "Apply calls '"
                                + function
                                + "', which is neither a PMML built-in nor defined in the"
                                + " document");
            }
        }
    }
}
