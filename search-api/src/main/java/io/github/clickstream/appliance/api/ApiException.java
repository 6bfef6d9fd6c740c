package io.github.clickstream.appliance.api;

/**
 * A request the API answers with an error document instead of a result: bad input (400), an unknown
 * id (404) or an Elasticsearch that cannot answer (502/503). The message is shown to the caller as
 * is, so it must say what to do and never carry Elasticsearch internals.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException invalidParameter(String message) {
        return new ApiException(400, "invalid_parameter", message);
    }

    public static ApiException malformedJson(String message) {
        return new ApiException(400, "malformed_json", message);
    }

    public static ApiException unknownField(String message) {
        return new ApiException(400, "unknown_field", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
