package io.github.clickstream.appliance.bench;

import io.github.clickstream.appliance.models.CsvTable;
import io.github.clickstream.appliance.models.GoldenSet;
import io.github.clickstream.appliance.models.LoadedModel;
import io.github.clickstream.appliance.models.ModelLimits;
import io.github.clickstream.appliance.models.ModelLoader;
import io.github.clickstream.appliance.models.ModelSlot;
import io.github.clickstream.appliance.models.Scorer;
import io.github.clickstream.appliance.models.ShippedModels;
import io.github.clickstream.appliance.models.compiled.ScorerCompiler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dmg.pmml.regression.RegressionModel;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.EvaluatorUtil;
import org.jpmml.evaluator.InputField;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scores per second on one thread, cycling through the 200 golden feature rows: the appliance's
 * compiled scorer, jpmml used the common per-record way, and (for the logistic regression) a
 * hand-written Java equivalent. {@link ScoringReport} runs it and prints the ratios.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
// jpmml's interpreter needs several seconds of JIT on 2 busy cores before it is steady
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 1)
public class ScoringBenchmark {

    @Param({"purchase_propensity", "churn_risk", "segment"})
    public String model;

    private Scorer compiled;
    private Evaluator evaluator;
    private HandWrittenLogistic handWritten;

    /** Each golden row in the scorer's input order, NaN for missing. */
    private double[][] rows;

    /** The same rows as a caller would hold them: field name to Double, null for missing. */
    private List<Map<String, Object>> rawRows;

    private int next;

    @Setup
    public void setUp() throws Exception {
        LoadedModel loaded =
                new ModelLoader(ModelLimits.DEFAULTS)
                        .load(ShippedModels.pmml(ModelSlot.parse(model)));
        compiled = ScorerCompiler.compile(loaded);
        evaluator = loaded.evaluator();
        CsvTable golden = GoldenSet.shippedTable();
        List<String> names = compiled.inputNames();
        rows =
                golden.rows().stream()
                        .map(row -> CsvTable.numbers(row, names))
                        .toArray(double[][]::new);
        rawRows = golden.rows().stream().map(row -> raw(row, golden.columns())).toList();
        if (loaded.model() instanceof RegressionModel) {
            handWritten = HandWrittenLogistic.from(loaded, names);
            checkHandWrittenAgrees();
        }
    }

    @Benchmark
    public double compiled() {
        return compiled.predict(nextRow());
    }

    @Benchmark
    public Map<String, ?> naiveJpmml() {
        Map<String, Object> raw = rawRows.get(nextIndex());
        Map<String, Object> arguments = new HashMap<>();
        for (InputField field : evaluator.getInputFields()) {
            arguments.put(field.getName(), field.prepare(raw.get(field.getName())));
        }
        return EvaluatorUtil.decodeAll(evaluator.evaluate(arguments));
    }

    /** Only for the logistic regression: the report runs it with model=purchase_propensity. */
    @Benchmark
    public double handWritten() {
        if (handWritten == null) {
            throw new UnsupportedOperationException(
                    "handWritten is a logistic regression baseline; run it on purchase_propensity");
        }
        return handWritten.predict(nextRow());
    }

    private double[] nextRow() {
        return rows[nextIndex()];
    }

    private int nextIndex() {
        int index = next;
        next = index + 1 == rows.length ? 0 : index + 1;
        return index;
    }

    /** The baseline only counts if it is the same model: the same score on every golden row. */
    private void checkHandWrittenAgrees() {
        for (int i = 0; i < rows.length; i++) {
            double expected = compiled.predict(rows[i]);
            double actual = handWritten.predict(rows[i]);
            if (!(Math.abs(expected - actual) <= 1e-9)) {
                throw new IllegalStateException(
                        "hand-written scores golden row %d as %s, compiled as %s"
                                .formatted(i, actual, expected));
            }
        }
    }

    private static Map<String, Object> raw(Map<String, String> row, List<String> columns) {
        double[] values = CsvTable.numbers(row, columns);
        Map<String, Object> raw = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            raw.put(columns.get(i), Double.isNaN(values[i]) ? null : values[i]);
        }
        return raw;
    }
}
