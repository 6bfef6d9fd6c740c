package io.github.clickstream.appliance.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Taste-vector arithmetic: usability, means and dot products. */
final class Vectors {

    private Vectors() {}

    /**
     * True when Elasticsearch can search with the vector: present, finite and not all zeros (cosine
     * similarity is undefined for a zero vector, and Elasticsearch refuses it).
     */
    static boolean usable(float[] vector) {
        if (vector == null || vector.length == 0) {
            return false;
        }
        boolean nonZero = false;
        for (float v : vector) {
            if (!Float.isFinite(v)) {
                return false;
            }
            nonZero |= v != 0f;
        }
        return nonZero;
    }

    /**
     * The mean of the usable vectors that have the first one's dimensions, or null when there is
     * none or the mean is a zero vector (opposite tastes cancel out).
     */
    static float[] mean(Collection<float[]> vectors) {
        float[] sum = null;
        int count = 0;
        for (float[] vector : vectors) {
            if (!usable(vector) || (sum != null && vector.length != sum.length)) {
                continue;
            }
            if (sum == null) {
                sum = new float[vector.length];
            }
            for (int i = 0; i < vector.length; i++) {
                sum[i] += vector[i];
            }
            count++;
        }
        if (sum == null) {
            return null;
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= count;
        }
        return usable(sum) ? sum : null;
    }

    /** The dot product of two vectors of the same dimensions. */
    static double dot(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }

    static List<Float> toList(float[] vector) {
        List<Float> list = new ArrayList<>(vector.length);
        for (float v : vector) {
            list.add(v);
        }
        return list;
    }
}
