package io.github.clickstream.appliance.evaluation;

import java.util.List;
import java.util.Locale;

/** Hit rates and MRR per recommender over the same next-item cases. */
public record EvaluationReport(int trainingEvents, int testEvents, int cases, List<Row> rows) {

    /** One recommender's figures. */
    public record Row(String recommender, double hitRate10, double hitRate20, double mrr20) {}

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT,
                        "%,d training events, %,d test events, %,d next-item cases%n%n",
                        trainingEvents,
                        testEvents,
                        cases));
        out.append("| recommender | HR@10 | HR@20 | MRR@20 |\n| --- | --- | --- | --- |\n");
        for (Row row : rows) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %.4f | %.4f | %.4f |%n",
                            row.recommender(),
                            row.hitRate10(),
                            row.hitRate20(),
                            row.mrr20()));
        }
        return out.toString();
    }
}
