package io.github.clickstream.appliance.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates the arithmetic of a Lens formula ({@code params.tinymathAst} of its math column): a
 * number, a column id, or a function of those. Null (a metric without a value) propagates, as in
 * Lens, and division by zero gives null instead of infinity.
 */
public final class TinyMath {

    private TinyMath() {}

    public static Double evaluate(JsonNode node, Function<String, Double> column) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            return column.apply(node.asText());
        }
        List<Double> args = new ArrayList<>();
        for (JsonNode arg : node.path("args")) {
            Double value = evaluate(arg, column);
            if (value == null) {
                return null;
            }
            args.add(value);
        }
        String name = node.path("name").asText();
        return switch (name) {
            case "add" -> args.stream().mapToDouble(Double::doubleValue).sum();
            case "subtract" -> args.get(0) - args.get(1);
            case "multiply" -> args.get(0) * args.get(1);
            case "divide" -> args.get(1) == 0 ? null : args.get(0) / args.get(1);
            default ->
                    throw new IllegalArgumentException(
                            "Formula function " + name + " is not supported by the test");
        };
    }

    /** The column ids a math expression reads. */
    public static List<String> columnsOf(JsonNode node) {
        List<String> ids = new ArrayList<>();
        if (node.isTextual()) {
            ids.add(node.asText());
        }
        node.path("args").forEach(arg -> ids.addAll(columnsOf(arg)));
        return ids;
    }
}
