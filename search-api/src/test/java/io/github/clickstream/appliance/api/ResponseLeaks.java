package io.github.clickstream.appliance.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds Elasticsearch or Java internals in a response body: Elasticsearch's error shapes and
 * exception types, stack frames, and class names. A marker that the request itself contains (an id
 * or a field name echoed in an error message) is not a leak.
 */
final class ResponseLeaks {

    private static final List<String> MARKERS =
            List.of(
                    "index_not_found",
                    "root_cause",
                    "caused_by",
                    "search_phase_execution",
                    "x_content_parse",
                    "_exception",
                    "org.elasticsearch",
                    "co.elastic",
                    "org.apache.lucene",
                    "com.fasterxml",
                    "io.javalin",
                    "org.eclipse.jetty",
                    "java.lang.",
                    "exception:");

    /** An Elasticsearch error object, e.g. {@code "type":"illegal_argument_exception"}. */
    private static final Pattern ERROR_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[a-z_]+\"");

    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [a-z]+\\.[\\w.$]+\\(");

    private ResponseLeaks() {}

    /** The first leak in {@code body} that {@code request} did not bring along, if any. */
    static Optional<String> in(String body, String request) {
        String lowerBody = body.toLowerCase(Locale.ROOT);
        String lowerRequest = request.toLowerCase(Locale.ROOT);
        for (String marker : MARKERS) {
            if (lowerBody.contains(marker) && !lowerRequest.contains(marker)) {
                return Optional.of(marker);
            }
        }
        for (Pattern pattern : List.of(ERROR_TYPE, STACK_FRAME)) {
            var match = pattern.matcher(body);
            if (match.find() && !request.contains(match.group())) {
                return Optional.of(match.group());
            }
        }
        return Optional.empty();
    }
}
