package io.github.clickstream.appliance.api;

/**
 * How much one request may ask for: the largest page of the audience search, the most rows one
 * export streams, and how many rows each export fetches from Elasticsearch at a time (which bounds
 * the memory an export holds).
 */
public record ApiLimits(int maxPageSize, long maxExportRows, int exportPageSize) {

    public static final int DEFAULT_MAX_PAGE_SIZE = 500;
    public static final long DEFAULT_MAX_EXPORT_ROWS = 1_000_000;
    public static final int DEFAULT_EXPORT_PAGE_SIZE = 1_000;

    /** Elasticsearch refuses pages beyond {@code index.max_result_window} (10,000 by default). */
    static final int MAX_ELASTICSEARCH_PAGE = 10_000;

    public static final ApiLimits DEFAULTS =
            new ApiLimits(DEFAULT_MAX_PAGE_SIZE, DEFAULT_MAX_EXPORT_ROWS, DEFAULT_EXPORT_PAGE_SIZE);

    public ApiLimits {
        if (maxPageSize < 1 || maxPageSize > MAX_ELASTICSEARCH_PAGE) {
            throw new IllegalArgumentException(
                    "Largest search page must be 1 to "
                            + MAX_ELASTICSEARCH_PAGE
                            + " (set --max-page-size), got "
                            + maxPageSize);
        }
        if (maxExportRows < 1) {
            throw new IllegalArgumentException(
                    "Export row cap must be at least 1 (set --max-export-rows), got "
                            + maxExportRows);
        }
        if (exportPageSize < 1 || exportPageSize > MAX_ELASTICSEARCH_PAGE) {
            throw new IllegalArgumentException(
                    "Export page size must be 1 to "
                            + MAX_ELASTICSEARCH_PAGE
                            + " (set --export-page-size), got "
                            + exportPageSize);
        }
    }
}
