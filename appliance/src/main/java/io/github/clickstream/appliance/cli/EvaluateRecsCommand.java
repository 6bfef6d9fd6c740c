package io.github.clickstream.appliance.cli;

import io.github.clickstream.appliance.evaluation.EvaluationReport;
import io.github.clickstream.appliance.evaluation.RecommendationEvaluation;
import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ParseResult;
import io.github.clickstream.appliance.events.datasets.DatasetFormat;
import io.github.clickstream.appliance.events.datasets.DatasetReader;
import io.github.clickstream.appliance.similarity.SimilarityConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Offline evaluation of the recommendations against popularity and exact item-kNN. */
@Command(
        name = "evaluate-recs",
        mixinStandardHelpOptions = true,
        description =
                "Learn item similarity on the first part of a dataset, replay the rest session by"
                        + " session, and report HR@10, HR@20 and MRR@20 of our recommendations"
                        + " and two baselines.")
final class EvaluateRecsCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DatasetInputOptions dataset = new DatasetInputOptions();

    @Option(
            names = "--train-share",
            defaultValue = "0.8",
            description =
                    "Share of the events (in time order) to learn from. Default: ${DEFAULT-VALUE}")
    double trainShare;

    @Option(
            names = "--max-cases",
            defaultValue = "20000",
            description = "Stop after this many next-item predictions. Default: ${DEFAULT-VALUE}")
    int maxCases;

    @Option(names = "--dims", description = "Vector size to learn with. Default: the job's (64)")
    Integer dims;

    private SimilarityConfig similarity() {
        SimilarityConfig d = SimilarityConfig.DEFAULTS;
        return dims == null
                ? d
                : new SimilarityConfig(
                        dims,
                        d.nonZeros(),
                        d.halfLife(),
                        d.sessionGap(),
                        d.historyWindow(),
                        d.historyWeight(),
                        d.recentItems(),
                        d.publishEvery(),
                        d.neighboursEvery(),
                        d.neighbours(),
                        d.minEvidence());
    }

    @Override
    public Integer call() throws Exception {
        DatasetFormat datasetFormat = dataset.validated(spec.commandLine());
        if (!(trainShare > 0 && trainShare < 1)) {
            throw new ParameterException(spec.commandLine(), "--train-share must be in (0, 1)");
        }
        List<ClickEvent> events = new ArrayList<>();
        long rejected = 0;
        try (DatasetReader reader = new DatasetReader(dataset.input, datasetFormat)) {
            while (reader.hasNext()) {
                ParseResult result = reader.next();
                if (result.valid()) {
                    events.add(result.event());
                } else {
                    rejected++;
                }
            }
        }
        spec.commandLine()
                .getOut()
                .printf(
                        "Read %,d events (%,d lines could not be used); learning ...%n",
                        events.size(), rejected);
        EvaluationReport report =
                RecommendationEvaluation.run(events, trainShare, maxCases, similarity());
        spec.commandLine().getOut().print(report.table());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
