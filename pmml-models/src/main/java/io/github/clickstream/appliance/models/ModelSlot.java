package io.github.clickstream.appliance.models;

import java.util.Arrays;
import java.util.Locale;
import org.dmg.pmml.MiningFunction;

/** The three models every user is scored with, by the key their files and updates go by. */
public enum ModelSlot {
    PURCHASE_PROPENSITY(MiningFunction.CLASSIFICATION),
    CHURN_RISK(MiningFunction.CLASSIFICATION),
    SEGMENT(MiningFunction.CLUSTERING);

    private final MiningFunction kind;

    ModelSlot(MiningFunction kind) {
        this.kind = kind;
    }

    /** {@code purchase_propensity}, {@code churn_risk}, {@code segment}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    MiningFunction kind() {
        return kind;
    }

    public static ModelSlot parse(String key) {
        for (ModelSlot slot : values()) {
            if (slot.key().equals(key)) {
                return slot;
            }
        }
        throw new IllegalArgumentException(
                "unknown model '"
                        + key
                        + "', expected one of "
                        + Arrays.stream(values()).map(ModelSlot::key).toList());
    }
}
