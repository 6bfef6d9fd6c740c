package io.github.clickstream.appliance.training;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ParseResult;
import io.github.clickstream.appliance.events.datasets.DatasetFormat;
import io.github.clickstream.appliance.events.datasets.DatasetLines;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Turns lines of a dataset file into events; the header is passed over, other lines that are not
 * events are counted and skipped.
 */
public class LinesToEvents extends RichFlatMapFunction<String, ClickEvent> {

    private final DatasetFormat format;
    private transient DatasetLines lines;
    private transient Counter skipped;

    public LinesToEvents(DatasetFormat format) {
        this.format = format;
    }

    @Override
    public void open(OpenContext context) {
        lines = new DatasetLines(format);
        skipped = getRuntimeContext().getMetricGroup().counter("linesSkipped");
    }

    @Override
    public void flatMap(String line, Collector<ClickEvent> out) {
        if (lines.isHeader(line)) {
            return; // a header is expected, not a bad line
        }
        ParseResult result = lines.parse(line, format.name());
        if (result.valid()) {
            out.collect(result.event());
        } else {
            skipped.inc();
        }
    }
}
