package io.github.clickstream.appliance.models.batch;

import java.util.List;

/**
 * What a batch run did: the data rows read, those that got an error instead of scores, and the
 * columns it appended after the input's own (model fields, then the error column).
 */
public record BatchSummary(long rows, long rowsWithErrors, List<String> addedColumns) {

    public long rowsScored() {
        return rows - rowsWithErrors;
    }
}
