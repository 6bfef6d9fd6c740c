package io.github.clickstream.appliance.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DocumentsTest {

    /** Vectors written and read with the fast float writer and reader come back bit for bit. */
    @Test
    void vectorsSurviveTheRoundTripExactly() throws Exception {
        Random random = new Random(11);
        float[] vector = new float[4_096];
        for (int i = 0; i < vector.length; i++) {
            // every exponent range, subnormals and the extremes included
            vector[i] =
                    switch (i % 4) {
                        case 0 -> (float) random.nextGaussian();
                        case 1 -> Float.intBitsToFloat(random.nextInt() & 0x7f7fffff);
                        case 2 -> Float.MIN_VALUE * (1 + random.nextInt(1_000));
                        default -> -Float.MAX_VALUE / (1 + random.nextInt(1_000));
                    };
        }

        String json = Documents.objectMapper().writeValueAsString(vector);
        float[] read = Documents.objectMapper().readValue(json, float[].class);

        assertThat(read).containsExactly(vector);
        // and the text is what the JDK reads to the same floats
        String[] numbers = json.substring(1, json.length() - 1).split(",");
        assertThat(numbers).hasSize(vector.length);
        for (int i = 0; i < vector.length; i++) {
            assertThat(Float.parseFloat(numbers[i])).isEqualTo(vector[i]);
        }
    }
}
