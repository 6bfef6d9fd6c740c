package io.github.clickstream.appliance.similarity;

/** Small float-vector helpers for the similarity stage. */
public final class Vectors {

    private Vectors() {}

    static void scale(float[] vector, double factor) {
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= (float) factor;
        }
    }

    static boolean isZero(float[] vector) {
        for (float value : vector) {
            if (value != 0f) {
                return false;
            }
        }
        return true;
    }

    public static double norm(float[] vector) {
        double sum = 0;
        for (float value : vector) {
            sum += (double) value * value;
        }
        return Math.sqrt(sum);
    }

    /** The factor that halves a value every {@code halfLifeMillis}. */
    static double decay(long elapsedMillis, long halfLifeMillis) {
        return elapsedMillis <= 0 ? 1.0 : Math.pow(0.5, (double) elapsedMillis / halfLifeMillis);
    }
}
