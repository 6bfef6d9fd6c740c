package io.github.clickstream.appliance.mappings;

import java.util.List;

/** What one {@link IndexSetup} run did: templates and indices created, updated, left alone. */
public record SetupReport(List<String> created, List<String> updated, List<String> unchanged) {

    public boolean changedNothing() {
        return created.isEmpty() && updated.isEmpty();
    }

    @Override
    public String toString() {
        return "Index setup: created "
                + created
                + ", updated "
                + updated
                + ", unchanged "
                + unchanged.size();
    }
}
