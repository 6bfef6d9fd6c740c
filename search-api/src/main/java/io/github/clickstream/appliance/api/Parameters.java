package io.github.clickstream.appliance.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and checks path and query parameters. Every check fails with a 400 that names the parameter
 * and the accepted values, so a caller can fix the request from the message alone.
 */
final class Parameters {

    /** Elasticsearch refuses document ids longer than 512 bytes. */
    static final int MAX_ID_BYTES = 512;

    private static final int MAX_TEXT_LENGTH = 256;

    private Parameters() {}

    /** Refuses query parameters the endpoint does not know, so typos do not pass silently. */
    static void allowOnly(Context ctx, Set<String> allowed) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!allowed.contains(name)) {
                throw ApiException.invalidParameter(
                        "Unknown parameter '"
                                + name
                                + "'; allowed: "
                                + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    static int size(Context ctx, int defaultSize, int maxSize) {
        String raw = single(ctx, "size");
        if (raw == null) {
            return defaultSize;
        }
        return sizeValue(raw, maxSize);
    }

    static int sizeValue(String raw, int maxSize) {
        int size;
        try {
            size = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter(
                    "size must be a whole number from 1 to " + maxSize + ", got '" + raw + "'");
        }
        if (size < 1 || size > maxSize) {
            throw ApiException.invalidParameter(
                    "size must be from 1 to " + maxSize + ", got " + size);
        }
        return size;
    }

    /** A non-blank text parameter, or null when absent. */
    static String text(Context ctx, String name) {
        String raw = single(ctx, name);
        if (raw == null) {
            return null;
        }
        if (raw.isBlank() || raw.length() > MAX_TEXT_LENGTH) {
            throw ApiException.invalidParameter(
                    name + " must be 1 to " + MAX_TEXT_LENGTH + " characters");
        }
        return raw;
    }

    /** A finite number >= 0, or null when absent. */
    static Double nonNegativeNumber(Context ctx, String name) {
        String raw = single(ctx, name);
        if (raw == null) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter(name + " must be a number, got '" + raw + "'");
        }
        if (!Double.isFinite(value) || value < 0) {
            throw ApiException.invalidParameter(name + " must be a number >= 0, got " + raw);
        }
        return value;
    }

    /** A document id from the path or a body: not blank, at most 512 bytes. */
    static String id(String raw, String what) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.invalidParameter(what + " must not be empty");
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw ApiException.invalidParameter(
                    what + " is longer than " + MAX_ID_BYTES + " bytes");
        }
        return raw;
    }

    private static String single(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.invalidParameter(
                    "Give " + name + " once, not " + values.size() + " times");
        }
        return values.get(0);
    }
}
