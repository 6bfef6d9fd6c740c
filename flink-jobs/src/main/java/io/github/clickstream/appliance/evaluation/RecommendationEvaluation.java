package io.github.clickstream.appliance.evaluation;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.similarity.SimilarityConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Offline evaluation of the recommendations: learn on the first part of the events (time split),
 * then replay each later session: after each of its items, every recommender proposes 20 items and
 * scores a hit if the session's next item is among them (HR@10, HR@20) and by its rank (MRR@20).
 * The exact item-kNN and popularity baselines see the same training sessions.
 */
public final class RecommendationEvaluation {

    static final int K = 20;

    private RecommendationEvaluation() {}

    public static EvaluationReport run(
            List<ClickEvent> events, double trainShare, int maxCases, SimilarityConfig config)
            throws Exception {
        List<ClickEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(ClickEvent::timestamp));
        int cut = (int) (sorted.size() * trainShare);
        List<ClickEvent> training = sorted.subList(0, cut);
        List<ClickEvent> test = sorted.subList(cut, sorted.size());
        long gap = config.sessionGap().toMillis();
        List<Session> trainingSessions = Session.of(training, gap);
        LearnedSimilarity learned = LearnedSimilarity.train(training, config);
        List<Recommender> recommenders =
                List.of(
                        new LearnedSimilarItems(learned, config),
                        new LearnedPersonalRecommendations(learned),
                        new ExactItemKnn(trainingSessions),
                        new Popularity(trainingSessions));
        double[] hits10 = new double[recommenders.size()];
        double[] hits20 = new double[recommenders.size()];
        double[] reciprocal = new double[recommenders.size()];
        int cases = 0;
        for (Session session : Session.of(test, gap)) {
            for (int next = 1; next < session.items().size() && cases < maxCases; next++) {
                List<String> prefix = session.items().subList(0, next);
                String target = session.items().get(next);
                cases++;
                for (int r = 0; r < recommenders.size(); r++) {
                    int rank =
                            recommenders
                                    .get(r)
                                    .recommend(session.userId(), prefix, K)
                                    .indexOf(target);
                    if (rank >= 0) {
                        hits20[r]++;
                        hits10[r] += rank < 10 ? 1 : 0;
                        reciprocal[r] += 1.0 / (rank + 1);
                    }
                }
            }
        }
        List<EvaluationReport.Row> rows = new ArrayList<>();
        for (int r = 0; r < recommenders.size(); r++) {
            double n = Math.max(cases, 1);
            rows.add(
                    new EvaluationReport.Row(
                            recommenders.get(r).name(),
                            hits10[r] / n,
                            hits20[r] / n,
                            reciprocal[r] / n));
        }
        return new EvaluationReport(training.size(), test.size(), cases, rows);
    }
}
