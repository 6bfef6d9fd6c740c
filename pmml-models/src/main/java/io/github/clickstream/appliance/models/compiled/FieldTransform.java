package io.github.clickstream.appliance.models.compiled;

/**
 * One model input after the model's own transformations: an input value (with the missing-value
 * replacement of its MiningField) run through a short chain of arithmetic with constants and float
 * casts, in the document's order, so results match jpmml's to the last bit.
 */
final class FieldTransform {

    enum Op {
        ADD,
        SUBTRACT,
        SUBTRACT_FROM,
        MULTIPLY,
        DIVIDE,
        DIVIDE_INTO,
        TO_FLOAT
    }

    private final int input;
    private final String inputName;
    private final double missingReplacement;
    private final Op[] ops;
    private final double[] constants;

    FieldTransform(
            int input, String inputName, double missingReplacement, Op[] ops, double[] constants) {
        this.input = input;
        this.inputName = inputName;
        this.missingReplacement = missingReplacement;
        this.ops = ops;
        this.constants = constants;
    }

    /** Reads input number {@code input}; a missing value (NaN) reads as the replacement. */
    static FieldTransform input(int input, String inputName, double missingReplacement) {
        return new FieldTransform(input, inputName, missingReplacement, new Op[0], new double[0]);
    }

    FieldTransform then(Op op, double constant) {
        Op[] moreOps = java.util.Arrays.copyOf(ops, ops.length + 1);
        double[] moreConstants = java.util.Arrays.copyOf(constants, constants.length + 1);
        moreOps[ops.length] = op;
        moreConstants[ops.length] = constant;
        return new FieldTransform(input, inputName, missingReplacement, moreOps, moreConstants);
    }

    /** The name of the input field this transform reads. */
    String inputName() {
        return inputName;
    }

    double apply(double[] inputs) {
        double value = inputs[input];
        if (Double.isNaN(value)) {
            value = missingReplacement;
        }
        for (int i = 0; i < ops.length; i++) {
            double c = constants[i];
            value =
                    switch (ops[i]) {
                        case ADD -> value + c;
                        case SUBTRACT -> value - c;
                        case SUBTRACT_FROM -> c - value;
                        case MULTIPLY -> value * c;
                        case DIVIDE -> value / c;
                        case DIVIDE_INTO -> c / value;
                        case TO_FLOAT -> (float) value;
                    };
        }
        return value;
    }
}
