package io.github.clickstream.appliance.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.github.clickstream.appliance.mappings.Documents;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * JSON of the API: the documents' snake_case naming, but every response field present (null
 * included) so clients see a stable shape, and strict request parsing whose failures become 400s
 * that name the field.
 */
final class ApiJson {

    static final ObjectMapper MAPPER =
            Documents.objectMapper()
                    .copy()
                    .setSerializationInclusion(JsonInclude.Include.ALWAYS)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                    // {"churn_risk": .., "churn_risk": ..} would otherwise keep the last silently.
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ApiJson() {}

    /** The request body as {@code type}, or a 400 saying what is wrong with it. */
    static <T> T readBody(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiException.malformedJson("The request body is empty; send a JSON object");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw ApiException.malformedJson("The request body must be a JSON object");
            }
            return value;
        } catch (IOException e) {
            throw badBody(e);
        }
    }

    private static ApiException badBody(IOException e) {
        // Syntax errors inside a field arrive wrapped in a mapping exception.
        JsonParseException syntax = syntaxError(e);
        if (syntax != null) {
            return ApiException.malformedJson(
                    "The request body is not valid JSON (line "
                            + syntax.getLocation().getLineNr()
                            + ", column "
                            + syntax.getLocation().getColumnNr()
                            + ")");
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return ApiException.unknownField(
                    "Unknown field '"
                            + path(unknown)
                            + "'; allowed: "
                            + unknown.getKnownPropertyIds().stream()
                                    .map(Object::toString)
                                    .sorted()
                                    .collect(Collectors.joining(", ")));
        }
        if (e instanceof MismatchedInputException mismatched) {
            return mismatched.getPath().isEmpty()
                    ? ApiException.malformedJson("The request body must be one JSON object")
                    : ApiException.invalidParameter(
                            "Field '" + path(mismatched) + "' has the wrong type");
        }
        return ApiException.malformedJson("The request body could not be read as JSON");
    }

    private static JsonParseException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException syntax) {
                return syntax;
            }
        }
        return null;
    }

    /** The JSON path of the failing field, e.g. {@code seed_users[2]}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
