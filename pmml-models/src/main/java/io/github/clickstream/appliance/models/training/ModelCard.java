package io.github.clickstream.appliance.models.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** The markdown card that ships beside each PMML file: what it is, what it saw, how it scored. */
final class ModelCard {

    private ModelCard() {}

    static String render(String name, String version, JsonNode metrics) {
        StringBuilder card = new StringBuilder();
        card.append("# Model card: ").append(name).append("\n\n");
        row(card, "Version", version);
        row(card, "Trained", metrics.path("trained_at").asText());
        row(card, "Algorithm", "scikit-learn " + metrics.path("algorithm").asText());
        row(card, "scikit-learn", metrics.path("sklearn_version").asText());
        row(card, "Predicts", purpose(name, metrics));
        row(card, "File", "`" + name + ".pmml` (PMML 4.4, converted by jpmml-sklearn)");
        card.append("\n## Data\n\n");
        JsonNode table = metrics.path("training_table");
        card.append(
                String.format(
                        Locale.ROOT,
                        "Training table `%s` (%d users, sha256 `%s`), written by `appliance"
                                + " features` from the appliance's generator. Split: %s, %.0f %%"
                                + " held out (seed %d): %d rows to train, %d to evaluate.%n",
                        table.path("file").asText(),
                        table.path("rows").asInt(),
                        table.path("sha256").asText().substring(0, 16),
                        metrics.path("split").path("method").asText(),
                        100 * metrics.path("split").path("holdout_share").asDouble(),
                        metrics.path("split").path("seed").asInt(),
                        metrics.path("rows").path("train").asInt(),
                        metrics.path("rows").path("holdout").asInt()));
        card.append("\n## Features\n\n");
        metrics.path("features").forEach(f -> card.append("- `").append(f.asText()).append("`\n"));
        card.append(
                "\nMissing values (rates without a denominator) are replaced by 0, inside the"
                        + " PMML (MiningField `missingValueReplacement`).\n");
        card.append("\n## Evaluation\n\n");
        if (metrics.hasNonNull("label")) {
            classifierMetrics(card, metrics);
        } else {
            segmentMetrics(card, metrics);
        }
        card.append("\n## Parameters\n\n");
        fields(metrics.path("parameters"))
                .forEachRemaining(
                        e ->
                                card.append("- ")
                                        .append(e.getKey())
                                        .append(": `")
                                        .append(e.getValue().asText())
                                        .append("`\n"));
        card.append("\n## Use and limits\n\n");
        card.append(
                "Trained on synthetic shoppers, so it shows the appliance working end to end; it"
                        + " is not a model of any real shop. Retrain on your own events before acting"
                        + " on its scores: `appliance features` then `appliance train` (see the"
                        + " README). The file carries verification records from scikit-learn's own"
                        + " predictions; the appliance refuses to deploy it if they do not"
                        + " reproduce.\n");
        return card.toString();
    }

    private static String purpose(String name, JsonNode metrics) {
        return switch (name) {
            case "purchase_propensity" ->
                    "probability that the user buys in the next 7 days (label `"
                            + metrics.path("label").asText()
                            + "`)";
            case "churn_risk" ->
                    "probability that the user shows no activity in the next 30 days (label `"
                            + metrics.path("label").asText()
                            + "`)";
            default -> "the user's segment (k-means cluster, named by the rule below)";
        };
    }

    private static void classifierMetrics(StringBuilder card, JsonNode metrics) {
        JsonNode holdout = metrics.path("holdout");
        JsonNode cv = metrics.path("cross_validation");
        card.append("| metric | holdout |\n|---|---|\n");
        for (String metric : new String[] {"auc", "precision", "recall", "f1"}) {
            card.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %.3f |%n",
                            metric.toUpperCase(Locale.ROOT),
                            holdout.path(metric).asDouble()));
        }
        card.append(
                String.format(
                        Locale.ROOT,
                        "%nPrecision, recall and F1 at threshold %.2f. %d-fold cross-validation on"
                                + " the training rows: AUC %.3f ± %.3f. Positive share: %.1f %%.%n",
                        holdout.path("threshold").asDouble(),
                        cv.path("folds").asInt(),
                        cv.path("auc_mean").asDouble(),
                        cv.path("auc_std").asDouble(),
                        100 * metrics.path("rows").path("positive_share").asDouble()));
    }

    private static void segmentMetrics(StringBuilder card, JsonNode metrics) {
        JsonNode holdout = metrics.path("holdout");
        card.append(
                String.format(
                        Locale.ROOT,
                        "Silhouette on the holdout: %.3f. Inertia (training): %.1f.%n%n",
                        holdout.path("silhouette").asDouble(),
                        holdout.path("inertia_train").asDouble()));
        card.append("| segment | holdout users | centroid (original units) |\n|---|---|---|\n");
        fields(metrics.path("centroids"))
                .forEachRemaining(
                        e -> {
                            StringBuilder centroid = new StringBuilder();
                            fields(e.getValue())
                                    .forEachRemaining(
                                            c ->
                                                    centroid.append(c.getKey())
                                                            .append("=")
                                                            .append(c.getValue().asText())
                                                            .append(" "));
                            card.append("| ")
                                    .append(e.getKey())
                                    .append(" | ")
                                    .append(holdout.path("cluster_sizes").path(e.getKey()).asInt())
                                    .append(" | ")
                                    .append(centroid.toString().trim())
                                    .append(" |\n");
                        });
        card.append("\nNaming rule: ").append(metrics.path("segment_rule").asText()).append('\n');
    }

    private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node.fields();
    }

    private static void row(StringBuilder card, String key, String value) {
        card.append("- **").append(key).append(":** ").append(value).append('\n');
    }
}
