package io.github.clickstream.appliance.pipeline;

import io.github.clickstream.appliance.events.ParserLimits;
import io.github.clickstream.appliance.features.FeatureWindows;
import io.github.clickstream.appliance.scoring.ScoringConfig;
import io.github.clickstream.appliance.similarity.SimilarityConfig;
import java.io.Serializable;
import java.time.Duration;

/**
 * The event-time and state settings of the clickstream pipeline. Defaults are named constants here
 * and nowhere else; the job's command line builds one of these from its flags.
 */
public record PipelineConfig(
        ParserLimits parserLimits,
        Duration outOfOrderness,
        Duration idleness,
        Duration sessionGap,
        Duration allowedLateness,
        Duration dedupWindow,
        Duration userRetention,
        Duration metricsRetention,
        FeatureWindows featureWindows,
        Long featuresAsOf,
        ScoringConfig scoring,
        SimilarityConfig similarity)
        implements Serializable {

    public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLENESS = Duration.ofMinutes(1);
    public static final Duration DEFAULT_SESSION_GAP = Duration.ofMinutes(30);
    public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofMinutes(10);
    public static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofHours(1);
    public static final Duration DEFAULT_USER_RETENTION = Duration.ofDays(400);

    /** How long after a metrics bucket ends late sessions may still correct it. */
    public static final Duration DEFAULT_METRICS_RETENTION = Duration.ofDays(1);

    public static PipelineConfig defaults() {
        return new PipelineConfig(
                ParserLimits.defaults(),
                DEFAULT_OUT_OF_ORDERNESS,
                DEFAULT_IDLENESS,
                DEFAULT_SESSION_GAP,
                DEFAULT_ALLOWED_LATENESS,
                DEFAULT_DEDUP_WINDOW,
                DEFAULT_USER_RETENTION,
                DEFAULT_METRICS_RETENTION,
                FeatureWindows.DEFAULT,
                null,
                ScoringConfig.DEFAULTS,
                SimilarityConfig.DEFAULTS);
    }

    /**
     * Event time never skips ahead of a quiet input: for bounded runs, whose control inputs (no
     * model updates, no erasures) have finished with a final watermark. Were a slow source marked
     * idle there, event time would jump to that final watermark and drop the rest as late.
     */
    public PipelineConfig withoutIdleness() {
        return withIdleness(null);
    }

    /**
     * A quiet source split counts as idle after {@code quiet} (null: never), so it stops holding
     * event time back.
     */
    public PipelineConfig withIdleness(Duration quiet) {
        return new PipelineConfig(
                parserLimits,
                outOfOrderness,
                quiet,
                sessionGap,
                allowedLateness,
                dedupWindow,
                userRetention,
                metricsRetention,
                featureWindows,
                featuresAsOf,
                scoring,
                similarity);
    }

    /** Features only when sessions close, not also while users stay away. */
    public PipelineConfig withoutInactivityRescoring() {
        return new PipelineConfig(
                parserLimits,
                outOfOrderness,
                idleness,
                sessionGap,
                allowedLateness,
                dedupWindow,
                userRetention,
                metricsRetention,
                featureWindows.withoutInactivityRescoring(),
                featuresAsOf,
                scoring,
                similarity);
    }

    /** Features as of one fixed time (training tables) instead of after every session. */
    public PipelineConfig withFeaturesAsOf(Long asOf) {
        return new PipelineConfig(
                parserLimits,
                outOfOrderness,
                idleness,
                sessionGap,
                allowedLateness,
                dedupWindow,
                userRetention,
                metricsRetention,
                featureWindows,
                asOf,
                scoring,
                similarity);
    }
}
