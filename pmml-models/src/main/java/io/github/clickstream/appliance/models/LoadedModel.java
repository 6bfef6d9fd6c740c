package io.github.clickstream.appliance.models;

import org.dmg.pmml.Model;
import org.dmg.pmml.PMML;
import org.jpmml.evaluator.Evaluator;

/**
 * A PMML document that passed {@link ModelLoader}'s checks: its parsed form, the jpmml evaluator
 * built from it (thread-safe, reused for every record), and the name and version it goes by.
 */
public record LoadedModel(
        PMML pmml, Model model, Evaluator evaluator, String name, String version) {

    /** How scores name their model, e.g. {@code purchase_propensity@2026.11.30}. */
    public String label() {
        return name + "@" + version;
    }
}
