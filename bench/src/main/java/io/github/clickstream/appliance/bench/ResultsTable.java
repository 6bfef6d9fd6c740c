package io.github.clickstream.appliance.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The one table of a run, as fixed-width text for the terminal and as Markdown for {@code
 * bench/results/latest.md}: figure, medians of ours and of the baseline, their ratio, the range of
 * the rounds, the goal and whether it is met.
 */
final class ResultsTable {

    private static final String[] HEADER = {
        "benchmark",
        "figure",
        "ours (median)",
        "baseline (median)",
        "ratio",
        "ours min–max",
        "baseline min–max",
        "goal",
        "met"
    };

    private ResultsTable() {}

    static String text(List<Figure> figures) {
        List<String[]> rows = rows(figures);
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                out.append(String.format("%-" + widths[c] + "s", row[c]))
                        .append(c + 1 < row.length ? "  " : "\n");
            }
        }
        return out.toString();
    }

    static String markdown(List<Figure> figures) {
        StringBuilder out = new StringBuilder();
        List<String[]> rows = rows(figures);
        for (int r = 0; r < rows.size(); r++) {
            out.append("| ").append(String.join(" | ", rows.get(r))).append(" |\n");
            if (r == 0) {
                out.append("|").append(" --- |".repeat(HEADER.length)).append('\n');
            }
        }
        return out.toString();
    }

    private static List<String[]> rows(List<Figure> figures) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Figure f : figures) {
            Boolean met = f.met();
            rows.add(
                    new String[] {
                        f.benchmark(),
                        f.name()
                                + ": "
                                + f.oursLabel()
                                + (f.baseline().length == 0 ? "" : " vs " + f.baselineLabel())
                                + " ("
                                + f.unit()
                                + ")",
                        Numbers.format(f.oursMedian()),
                        f.baseline().length == 0 ? "-" : Numbers.format(f.baselineMedian()),
                        f.baseline().length == 0 ? "-" : Numbers.format(f.ratio()),
                        Numbers.range(f.ours()),
                        Numbers.range(f.baseline()),
                        f.goal().text(),
                        met == null ? "-" : met ? "met" : "NOT MET"
                    });
        }
        return rows;
    }
}
