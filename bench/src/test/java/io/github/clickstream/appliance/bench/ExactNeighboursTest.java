package io.github.clickstream.appliance.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExactNeighboursTest {

    /**
     * Query (1, 0), scores cosine × sqrt(length): y 0.8 × sqrt(5) = 1.789, x 1 × sqrt(2) = 1.414, z
     * 0.6 × sqrt(5) = 1.342 and z2 1 × sqrt(1.8) = 1.342 (tied), w 0, minus -1.
     */
    private static final ExactNeighbours VECTORS =
            new ExactNeighbours(
                    vectors(
                            "x", new float[] {2, 0},
                            "y", new float[] {4, 3},
                            "z", new float[] {3, 4},
                            "z2", new float[] {1.8f, 0},
                            "w", new float[] {0, 5},
                            "minus", new float[] {-1, 0}));

    private static final float[] QUERY = {1, 0};

    @Test
    void exactTopTwoIsFullRecall() {
        assertThat(VECTORS.recall(QUERY, List.of("y", "x"), 2)).isEqualTo(1.0);
    }

    @Test
    void theBetterSupportedItemIsTheTopOneThoughTheOtherIsCloser() {
        assertThat(VECTORS.recall(QUERY, List.of("y"), 1)).isEqualTo(1.0);
        assertThat(VECTORS.recall(QUERY, List.of("x"), 1)).isEqualTo(0.0);
    }

    @Test
    void oneOfTwoMissedIsHalfRecall() {
        assertThat(VECTORS.recall(QUERY, List.of("x", "w"), 2)).isEqualTo(0.5);
    }

    @Test
    void eitherOfTwoTiedItemsCountsAtTheCutOff() {
        // top 3 is y, x and then z or z2 (both 1.342)
        assertThat(VECTORS.recall(QUERY, List.of("x", "y", "z2"), 3)).isEqualTo(1.0);
        assertThat(VECTORS.recall(QUERY, List.of("x", "y", "z"), 3)).isEqualTo(1.0);
        assertThat(VECTORS.recall(QUERY, List.of("x", "y", "w"), 3))
                .isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void itemsBelowTheCutOffDoNotCount() {
        assertThat(VECTORS.recall(QUERY, List.of("x", "z", "z2"), 2)).isEqualTo(0.5);
    }

    private static Map<String, float[]> vectors(Object... idsAndVectors) {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (int i = 0; i < idsAndVectors.length; i += 2) {
            vectors.put((String) idsAndVectors[i], (float[]) idsAndVectors[i + 1]);
        }
        return vectors;
    }
}
