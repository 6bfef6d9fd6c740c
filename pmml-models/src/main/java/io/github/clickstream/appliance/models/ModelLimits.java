package io.github.clickstream.appliance.models;

import java.io.Serializable;

/** Caps on a PMML document accepted for deployment: its size in bytes and its element depth. */
public record ModelLimits(int maxBytes, int maxDepth) implements Serializable {

    /** 16 MiB and 256 levels: far above any model the appliance ships, far below a memory risk. */
    public static final ModelLimits DEFAULTS = new ModelLimits(16 << 20, 256);
}
