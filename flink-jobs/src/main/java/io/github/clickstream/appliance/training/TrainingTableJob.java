package io.github.clickstream.appliance.training;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.datasets.DatasetFormat;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the pipeline in batch mode over an event file and returns the training table as of a
 * cut-off: what {@code appliance features} writes for the training script. Reads the file with
 * Flink's file source (gzip by extension), so the file may be larger than memory.
 */
public final class TrainingTableJob {

    private TrainingTableJob() {}

    public static List<TrainingRow> run(
            StreamExecutionEnvironment env, Path input, DatasetFormat format, long asOf)
            throws Exception {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        DataStream<ClickEvent> events =
                env.fromSource(
                                FileSource.forRecordStreamFormat(
                                                new TextLineInputFormat(),
                                                new org.apache.flink.core.fs.Path(input.toUri()))
                                        .build(),
                                WatermarkStrategy.noWatermarks(),
                                "Event file")
                        .flatMap(new LinesToEvents(format))
                        .name("Adapt " + format)
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<ClickEvent>forMonotonousTimestamps()
                                        .withTimestampAssigner((e, ts) -> e.timestamp()));
        List<TrainingRow> rows = new ArrayList<>();
        TrainingTable.build(events, PipelineConfig.defaults(), LabelHorizons.defaults(asOf))
                .executeAndCollect("Training table as of " + java.time.Instant.ofEpochMilli(asOf))
                .forEachRemaining(rows::add);
        rows.sort(Comparator.comparing(r -> r.features().userId()));
        return rows;
    }
}
