package io.github.clickstream.appliance.models.compiled;

import io.github.clickstream.appliance.models.Contribution;
import io.github.clickstream.appliance.models.LoadedModel;
import io.github.clickstream.appliance.models.Scorer;
import java.util.ArrayList;
import java.util.List;
import org.dmg.pmml.Predicate;
import org.dmg.pmml.ScoreDistribution;
import org.dmg.pmml.SimplePredicate;
import org.dmg.pmml.True;
import org.dmg.pmml.tree.Node;
import org.dmg.pmml.tree.TreeModel;

/**
 * A classification tree (PMML TreeModel with simple numeric predicates and score distributions)
 * flattened into arrays. As in PMML, a node's first child whose predicate holds is taken. Its
 * explanation follows the decision path: each step moves the positive-class probability from the
 * parent's to the child's, and that change is credited to the feature the step tested.
 *
 * <p>jpmml-sklearn compacts scikit-learn's binary trees: a node's children {@code c1 .. ck} mean
 * "c1, else c2, else ... ck" (the last one usually {@code True}). To credit each original binary
 * split, the path walks the implicit "else" nodes in between: reaching {@code ci} passes the
 * else-branches of the tests of {@code c1 .. c(i-1)}, then the test of {@code ci} itself.
 */
final class TreeScorer implements Scorer {

    private enum Test {
        ALWAYS,
        LESS_OR_EQUAL,
        LESS_THAN,
        GREATER_OR_EQUAL,
        GREATER_THAN,
        EQUAL,
        NOT_EQUAL
    }

    private final List<String> inputNames;
    private final Test[] tests;
    private final FieldTransform[] fields;
    private final double[] thresholds;
    private final int[][] children;
    private final double[] probabilities;

    /** Per node: the probability of "children j..k" (the implicit else-node before child j). */
    private final double[][] remainderProbabilities;

    /** Per node: the input each child's test reads (null for {@code True}). */
    private final String[][] childFeatures;

    private TreeScorer(List<String> inputNames, List<Flat> nodes) {
        this.inputNames = inputNames;
        int n = nodes.size();
        tests = new Test[n];
        fields = new FieldTransform[n];
        thresholds = new double[n];
        children = new int[n][];
        probabilities = new double[n];
        remainderProbabilities = new double[n][];
        childFeatures = new String[n][];
        for (int i = 0; i < n; i++) {
            Flat node = nodes.get(i);
            tests[i] = node.test;
            fields[i] = node.field;
            thresholds[i] = node.threshold;
            children[i] = node.children.stream().mapToInt(Integer::intValue).toArray();
            probabilities[i] = node.positive / node.total;
        }
        for (int i = 0; i < n; i++) {
            int[] kids = children[i];
            remainderProbabilities[i] = new double[kids.length];
            childFeatures[i] = new String[kids.length];
            double positive = 0;
            double total = 0;
            for (int j = kids.length - 1; j >= 0; j--) {
                positive += nodes.get(kids[j]).positive;
                total += nodes.get(kids[j]).total;
                remainderProbabilities[i][j] = positive / total;
                childFeatures[i][j] = fields[kids[j]] == null ? null : fields[kids[j]].inputName();
            }
        }
    }

    private static final class Flat {
        Test test = Test.ALWAYS;
        FieldTransform field;
        double threshold;
        final List<Integer> children = new ArrayList<>();
        double positive;
        double total;
    }

    static Scorer compile(LoadedModel loaded, List<String> inputNames, String positiveCategory)
            throws NotCompilable {
        if (!(loaded.model() instanceof TreeModel model)
                || model.getMissingValueStrategy() != TreeModel.MissingValueStrategy.NULL_PREDICTION
                || model.getNoTrueChildStrategy()
                        != TreeModel.NoTrueChildStrategy.RETURN_NULL_PREDICTION) {
            throw new NotCompilable("not a tree with null-prediction strategies");
        }
        FieldResolver resolver = new FieldResolver(loaded, inputNames);
        List<Flat> nodes = new ArrayList<>();
        flatten(model.requireNode(), resolver, positiveCategory, nodes);
        return new TreeScorer(inputNames, nodes);
    }

    /** Adds the node and its subtree; returns its index. Counts of inner nodes sum their leaves. */
    private static int flatten(Node node, FieldResolver resolver, String positive, List<Flat> out)
            throws NotCompilable {
        Flat flat = new Flat();
        int index = out.size();
        out.add(flat);
        predicate(node.requirePredicate(), flat, resolver);
        if (node.hasNodes()) {
            for (Node child : node.getNodes()) {
                int childIndex = flatten(child, resolver, positive, out);
                Flat childFlat = out.get(childIndex);
                flat.children.add(childIndex);
                flat.positive += childFlat.positive;
                flat.total += childFlat.total;
            }
        } else {
            if (!node.hasScoreDistributions()) {
                throw new NotCompilable("leaf without score distribution");
            }
            for (ScoreDistribution distribution : node.getScoreDistributions()) {
                if (distribution.getProbability() != null) {
                    throw new NotCompilable("explicit probabilities");
                }
                double count = distribution.requireRecordCount().doubleValue();
                flat.total += count;
                if (positive.equals(String.valueOf(distribution.requireValue()))) {
                    flat.positive += count;
                }
            }
            if (flat.total <= 0) {
                throw new NotCompilable("leaf with no records");
            }
        }
        return index;
    }

    private static void predicate(Predicate predicate, Flat flat, FieldResolver resolver)
            throws NotCompilable {
        if (predicate instanceof True) {
            return;
        }
        if (!(predicate instanceof SimplePredicate simple)) {
            throw new NotCompilable("predicate " + predicate.getClass().getSimpleName());
        }
        flat.field = resolver.resolve(simple.requireField());
        flat.threshold = Double.parseDouble(String.valueOf(simple.requireValue()));
        flat.test =
                switch (simple.requireOperator()) {
                    case LESS_OR_EQUAL -> Test.LESS_OR_EQUAL;
                    case LESS_THAN -> Test.LESS_THAN;
                    case GREATER_OR_EQUAL -> Test.GREATER_OR_EQUAL;
                    case GREATER_THAN -> Test.GREATER_THAN;
                    case EQUAL -> Test.EQUAL;
                    case NOT_EQUAL -> Test.NOT_EQUAL;
                    default -> throw new NotCompilable("operator " + simple.getOperator());
                };
    }

    @Override
    public List<String> inputNames() {
        return inputNames;
    }

    @Override
    public double predict(double[] inputs) {
        int leaf = leaf(inputs, null);
        return leaf < 0 ? Double.NaN : probabilities[leaf];
    }

    @Override
    public List<Contribution> explain(double[] inputs, int top) {
        TopContributions contributions = new TopContributions();
        leaf(inputs, contributions);
        return contributions.top(top);
    }

    /** The leaf these inputs reach, or -1 for no prediction (a missing value or no true child). */
    private int leaf(double[] inputs, TopContributions path) {
        int node = 0;
        if (holds(node, inputs) != TRUE) {
            return -1;
        }
        while (children[node].length > 0) {
            int[] kids = children[node];
            int taken = -1;
            for (int j = 0; j < kids.length && taken < 0; j++) {
                int holds = holds(kids[j], inputs);
                if (holds == MISSING) {
                    return -1;
                }
                if (holds == TRUE) {
                    taken = j;
                }
            }
            if (taken < 0) {
                return -1;
            }
            if (path != null) {
                credit(node, taken, path);
            }
            node = kids[taken];
        }
        return node;
    }

    /** Credits the steps from {@code node} to its child number {@code taken} (see class doc). */
    private void credit(int node, int taken, TopContributions path) {
        double[] remainder = remainderProbabilities[node];
        String[] features = childFeatures[node];
        double before = probabilities[node];
        for (int j = 1; j <= taken; j++) {
            if (features[j - 1] != null) {
                path.add(features[j - 1], remainder[j] - before);
            }
            before = remainder[j];
        }
        if (features[taken] != null) {
            path.add(features[taken], probabilities[children[node][taken]] - before);
        }
    }

    private static final int FALSE = 0;
    private static final int TRUE = 1;
    private static final int MISSING = -1;

    /** TRUE, FALSE, or MISSING when the tested value is missing (no prediction, by strategy). */
    private int holds(int node, double[] inputs) {
        if (tests[node] == Test.ALWAYS) {
            return TRUE;
        }
        double value = fields[node].apply(inputs);
        if (Double.isNaN(value)) {
            return MISSING;
        }
        return test(tests[node], value, thresholds[node]) ? TRUE : FALSE;
    }

    private static boolean test(Test test, double value, double threshold) {
        return switch (test) {
            case LESS_OR_EQUAL -> value <= threshold;
            case LESS_THAN -> value < threshold;
            case GREATER_OR_EQUAL -> value >= threshold;
            case GREATER_THAN -> value > threshold;
            case EQUAL -> value == threshold;
            case NOT_EQUAL -> value != threshold;
            case ALWAYS -> true;
        };
    }
}
