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
    private final String[] creditedFeature;

    private TreeScorer(List<String> inputNames, List<Flat> nodes) {
        this.inputNames = inputNames;
        int n = nodes.size();
        tests = new Test[n];
        fields = new FieldTransform[n];
        thresholds = new double[n];
        children = new int[n][];
        probabilities = new double[n];
        creditedFeature = new String[n];
        for (int i = 0; i < n; i++) {
            Flat node = nodes.get(i);
            tests[i] = node.test;
            fields[i] = node.field;
            thresholds[i] = node.threshold;
            children[i] = node.children.stream().mapToInt(Integer::intValue).toArray();
            probabilities[i] = node.positive / node.total;
            creditedFeature[i] = node.creditedFeature;
        }
    }

    private static final class Flat {
        Test test = Test.ALWAYS;
        FieldTransform field;
        double threshold;
        final List<Integer> children = new ArrayList<>();
        double positive;
        double total;
        String creditedFeature;
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
        flatten(model.requireNode(), null, resolver, positiveCategory, nodes);
        return new TreeScorer(inputNames, nodes);
    }

    /** Adds the node and its subtree; returns its index. Counts of inner nodes sum their leaves. */
    private static int flatten(
            Node node,
            String siblingFeature,
            FieldResolver resolver,
            String positive,
            List<Flat> out)
            throws NotCompilable {
        Flat flat = new Flat();
        int index = out.size();
        out.add(flat);
        predicate(node.requirePredicate(), flat, resolver);
        flat.creditedFeature = flat.field != null ? flat.field.inputName() : siblingFeature;
        if (node.hasNodes()) {
            String lastTested = null;
            for (Node child : node.getNodes()) {
                int childIndex = flatten(child, lastTested, resolver, positive, out);
                Flat childFlat = out.get(childIndex);
                if (childFlat.field != null) {
                    lastTested = childFlat.field.inputName();
                }
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
            int next = -1;
            for (int child : children[node]) {
                int holds = holds(child, inputs);
                if (holds == MISSING) {
                    return -1;
                }
                if (holds == TRUE) {
                    next = child;
                    break;
                }
            }
            if (next < 0) {
                return -1;
            }
            if (path != null && creditedFeature[next] != null) {
                path.add(creditedFeature[next], probabilities[next] - probabilities[node]);
            }
            node = next;
        }
        return node;
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
