package io.github.clickstream.appliance.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NearestNeighboursTest {

    /** Query (1, 0) from item a: d is closer (cosine 1 against 0.7071), b far better supported. */
    private static final Map<String, float[]> ITEMS = new LinkedHashMap<>();

    static {
        ITEMS.put("a", new float[] {1, 0});
        ITEMS.put("b", new float[] {16, 16}); // cosine 0.7071, length 22.627
        ITEMS.put("c", new float[] {0, 9}); // cosine 0: never a neighbour
        ITEMS.put("d", new float[] {9, 0}); // cosine 1, length 9
        ITEMS.put("e", new float[] {0, 0}); // no direction: left out
        ITEMS.put("f", new float[] {Float.NaN, 1}); // not finite: left out
    }

    private final NearestNeighbours index = new NearestNeighbours(ITEMS.entrySet());

    @Test
    void byCosineTheClosestComesFirst() {
        List<SimilarItems.Neighbour> top = index.top("a", new float[] {1, 0}, 5, false);
        assertThat(top).extracting(SimilarItems.Neighbour::itemId).containsExactly("d", "b");
        assertThat(top.get(0).score()).isCloseTo(1.0, within(1e-6));
        assertThat(top.get(1).score()).isCloseTo(Math.sqrt(0.5), within(1e-6));
    }

    @Test
    void bySupportTheCosineIsScaledByTheRootOfTheLength() {
        List<SimilarItems.Neighbour> top = index.top("a", new float[] {1, 0}, 5, true);
        assertThat(top).extracting(SimilarItems.Neighbour::itemId).containsExactly("b", "d");
        // 0.7071 × sqrt(22.627) = 3.3636; 1 × sqrt(9) = 3
        assertThat(top.get(0).score())
                .isCloseTo(Math.sqrt(0.5) * Math.sqrt(Math.sqrt(512)), within(1e-5));
        assertThat(top.get(1).score()).isCloseTo(3.0, within(1e-5));
    }

    @Test
    void keepsOnlyTheBestK() {
        assertThat(index.top(null, new float[] {1, 0}, 1, true))
                .extracting(SimilarItems.Neighbour::itemId)
                .containsExactly("b");
    }

    @Test
    void aQueryWithoutDirectionHasNoNeighbours() {
        assertThat(index.top(null, null, 5, true)).isEmpty();
    }

    @Test
    void vectorsWithoutDirectionAreNeverNeighbours() {
        assertThat(index.top(null, new float[] {0.6f, 0.8f}, 10, false))
                .extracting(SimilarItems.Neighbour::itemId)
                .containsExactlyInAnyOrder("a", "b", "c", "d");
    }
}
