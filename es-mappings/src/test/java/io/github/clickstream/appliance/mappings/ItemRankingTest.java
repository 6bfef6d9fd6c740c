package io.github.clickstream.appliance.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemRankingTest {

    @Test
    void scoreIsCosineTimesTheRootOfTheCandidatesLength() {
        // cos((1,0), (3,4)) = 3/5, |(3,4)| = 5
        assertThat(ItemRanking.score(new float[] {1, 0}, new float[] {3, 4}))
                .isCloseTo(0.6 * Math.sqrt(5), within(1e-9));
        // the query's length does not matter
        assertThat(ItemRanking.score(new float[] {7, 0}, new float[] {3, 4}))
                .isCloseTo(0.6 * Math.sqrt(5), within(1e-9));
        assertThat(ItemRanking.score(new float[] {1, 0}, new float[] {0, 0})).isZero();
        assertThat(ItemRanking.support(new float[] {3, 4})).isCloseTo(Math.sqrt(5), within(1e-9));
    }

    @Test
    void aMuchBetterSupportedItemOutranksASlightlyCloserOne() {
        float[] query = {1, 0};
        float[] rare = {1, 0}; // cosine 1, length 1: score 1
        float[] popular = {60, 80}; // cosine 0.6, length 100: score 0.6 × 10 = 6
        float[] alsoRare = {0.6f, 0.8f}; // cosine 0.6, length 1: score 0.6
        assertThat(ItemRanking.score(query, popular)).isCloseTo(6, within(1e-6));
        assertThat(ItemRanking.score(query, rare)).isCloseTo(1, within(1e-6));
        assertThat(ItemRanking.score(query, alsoRare)).isCloseTo(0.6, within(1e-6));
    }

    @Test
    void personalQueryWeightsTheRecentItemsUnitVectorsByRecency() {
        List<float[]> recentFirst =
                Arrays.asList(
                        new float[] {2, 0}, // unit (1, 0), weight 1
                        null, // no vector: skipped, uses no weight
                        new float[] {0, 0}, // zero: skipped too
                        new float[] {0, 5}); // unit (0, 1), weight 0.8
        assertThat(ItemRanking.personalQuery(recentFirst)).containsExactly(1f, 0.8f);
    }

    @Test
    void personalQueryUsesTheTenMostRecentItems() {
        List<float[]> recentFirst = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            recentFirst.add(new float[] {0, 3});
        }
        // 1 + 0.8 + ... + 0.8^9 = (1 - 0.8^10) / 0.2 = 4.463129088
        assertThat(ItemRanking.personalQuery(recentFirst)[1])
                .isCloseTo(4.463129088f, within(1e-5f));
    }

    @Test
    void noUsableRecentItemMeansNoQuery() {
        assertThat(ItemRanking.personalQuery(List.of())).isNull();
        assertThat(ItemRanking.personalQuery(Collections.singletonList(null))).isNull();
        assertThat(ItemRanking.personalQuery(List.of(new float[] {0, 0}))).isNull();
    }

    @Test
    void aUnitQuerysInnerProductWithTheRankingVectorIsTheScore() {
        // (3,4) has length 5: ranking vector (3,4)/sqrt(5); unit query (1,0) gives 3/sqrt(5),
        // which is cos 0.6 × sqrt(5)
        float[] ranking = ItemRanking.rankingVector(new float[] {3, 4});
        assertThat(ranking[0]).isCloseTo((float) (3 / Math.sqrt(5)), within(1e-6f));
        assertThat(ranking[1]).isCloseTo((float) (4 / Math.sqrt(5)), within(1e-6f));
        float[] query = ItemRanking.unit(new float[] {7, 0});
        assertThat(query).containsExactly(1f, 0f);
        assertThat(query[0] * ranking[0] + query[1] * ranking[1])
                .isCloseTo((float) (0.6 * Math.sqrt(5)), within(1e-6f));
        assertThat(ItemRanking.rankingVector(new float[] {0, 0})).isNull();
        assertThat(ItemRanking.rankingVector(null)).isNull();
        assertThat(ItemRanking.unit(new float[] {0, 0})).isNull();
    }

    @Test
    void elasticsearchInnerProductScoresMapBackToTheScore() {
        // max_inner_product: p >= 0 scores p + 1, p < 0 scores 1 / (1 - p)
        assertThat(ItemRanking.fromInnerProductScore(2.5)).isCloseTo(1.5, within(1e-9));
        assertThat(ItemRanking.fromInnerProductScore(1)).isZero();
        assertThat(ItemRanking.fromInnerProductScore(0.25)).isCloseTo(-3, within(1e-9));
    }
}
