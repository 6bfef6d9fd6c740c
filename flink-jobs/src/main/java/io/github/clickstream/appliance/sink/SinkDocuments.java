package io.github.clickstream.appliance.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.clickstream.appliance.events.DeadLetter;
import io.github.clickstream.appliance.features.UserFeatures;
import io.github.clickstream.appliance.mappings.DeadLetterDocument;
import io.github.clickstream.appliance.mappings.Documents;
import io.github.clickstream.appliance.mappings.ItemDocument;
import io.github.clickstream.appliance.mappings.ItemRanking;
import io.github.clickstream.appliance.mappings.MetricDocument;
import io.github.clickstream.appliance.mappings.Reason;
import io.github.clickstream.appliance.mappings.SessionDocument;
import io.github.clickstream.appliance.mappings.SimilarItem;
import io.github.clickstream.appliance.mappings.UserDocument;
import io.github.clickstream.appliance.metrics.CohortKind;
import io.github.clickstream.appliance.metrics.CohortMetric;
import io.github.clickstream.appliance.metrics.FunnelMetric;
import io.github.clickstream.appliance.metrics.ProductMetric;
import io.github.clickstream.appliance.models.UserScores;
import io.github.clickstream.appliance.scoring.ScoredUser;
import io.github.clickstream.appliance.sessions.Money;
import io.github.clickstream.appliance.sessions.SessionSummary;
import io.github.clickstream.appliance.similarity.ItemUpdate;
import io.github.clickstream.appliance.similarity.SimilarItems;
import io.github.clickstream.appliance.similarity.UserTaste;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the pipeline's records into Elasticsearch writes with deterministic ids: sessions by
 * session id into the month of their start (deleting versions a late event merged away), users by
 * user id into {@code users} (an upsert of the feature fields only, so scores and vectors written
 * by other stages survive), dead letters by source and reason.
 */
public final class SinkDocuments {

    private SinkDocuments() {}

    /** The session, and deletes for the earlier versions a late event merged into it. */
    public static List<DocumentWrite> session(SessionSummary s) {
        List<DocumentWrite> writes = new ArrayList<>();
        for (long replacedStart : s.replacedStarts()) {
            writes.add(
                    new DocumentWrite(
                            DocumentWrite.Action.DELETE,
                            MonthlyIndex.name("sessions", replacedStart),
                            SessionSummary.sessionId(s.userId(), replacedStart),
                            null));
        }
        writes.add(sessionDocument(s));
        return writes;
    }

    private static DocumentWrite sessionDocument(SessionSummary s) {
        SessionDocument document =
                new SessionDocument(
                        s.sessionId(),
                        s.userId(),
                        Instant.ofEpochMilli(s.start()),
                        Instant.ofEpochMilli(s.end()),
                        s.durationSeconds(),
                        s.views(),
                        s.carts(),
                        s.removes(),
                        s.purchases(),
                        s.searches(),
                        s.favourites(),
                        s.refunds(),
                        s.distinctItems(),
                        s.distinctCategories(),
                        s.revenue(),
                        s.converted(),
                        s.cartAbandoned(),
                        s.firstItem(),
                        s.lastItem(),
                        s.experiment(),
                        s.variant());
        return write(
                DocumentWrite.Action.INDEX,
                MonthlyIndex.name("sessions", s.start()),
                s.sessionId(),
                document);
    }

    /** The user's features and scores, upserted so the taste vector written elsewhere survives. */
    public static DocumentWrite user(ScoredUser scored) {
        UserFeatures f = scored.features();
        UserScores s = scored.scores();
        UserDocument document =
                new UserDocument(
                        f.userId(),
                        Instant.ofEpochMilli(f.firstSeen()),
                        Instant.ofEpochMilli(f.lastSeen()),
                        f.lastPurchaseAt() == null
                                ? null
                                : Instant.ofEpochMilli(f.lastPurchaseAt()),
                        f.daysSinceLastVisit(),
                        f.daysSinceLastPurchase(),
                        f.sessions7d(),
                        f.sessions30d(),
                        f.orders30d(),
                        f.ordersLifetime(),
                        f.revenue30d(),
                        f.revenueLifetime(),
                        f.averageOrderValue(),
                        f.viewToCartRate(),
                        f.cartToPurchaseRate(),
                        f.cartAbandonmentRate(),
                        f.avgSessionDurationS(),
                        f.avgSessionDepth(),
                        f.distinctCategories30d(),
                        f.favouriteCategory(),
                        f.recentItems(),
                        null,
                        s.purchasePropensity(),
                        s.churnRisk(),
                        s.segmentId(),
                        s.segmentName(),
                        s.reasons().stream()
                                .map(r -> new Reason(r.model(), r.feature(), r.contribution()))
                                .toList(),
                        s.modelVersions(),
                        null,
                        Instant.ofEpochMilli(f.asOf()));
        return write(DocumentWrite.Action.UPSERT, "users", f.userId(), document);
    }

    public static DocumentWrite funnelMetric(FunnelMetric m) {
        MetricDocument document =
                new MetricDocument(
                        "funnel",
                        Instant.ofEpochMilli(m.bucketStart()),
                        m.bucketSize(),
                        m.dimension(),
                        m.dimensionValue(),
                        m.activeUsers(),
                        m.sessions(),
                        m.viewSessions(),
                        m.cartSessions(),
                        m.purchaseSessions(),
                        m.orders(),
                        null,
                        null,
                        null,
                        Money.fromCents(m.revenueCents()),
                        m.conversionRate(),
                        m.cartAbandonmentRate(),
                        null,
                        null,
                        null,
                        null);
        return write(
                DocumentWrite.Action.INDEX,
                MonthlyIndex.name("metrics", m.bucketStart()),
                m.id(),
                document);
    }

    public static DocumentWrite productMetric(ProductMetric m) {
        MetricDocument document =
                new MetricDocument(
                        "product",
                        Instant.ofEpochMilli(m.bucketStart()),
                        "1h",
                        m.dimension(),
                        m.dimensionValue(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        m.purchases(),
                        m.views(),
                        m.carts(),
                        m.purchases(),
                        Money.fromCents(m.revenueCents()),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
        return write(
                DocumentWrite.Action.INDEX,
                MonthlyIndex.name("metrics", m.bucketStart()),
                m.id(),
                document);
    }

    public static DocumentWrite cohortMetric(CohortMetric m) {
        MetricDocument document =
                new MetricDocument(
                        "cohort",
                        Instant.ofEpochMilli(m.weekStart()),
                        "1w",
                        m.kind() == CohortKind.RETENTION ? "all" : "cohort",
                        m.kind() == CohortKind.RETENTION ? "all" : "repeat_purchase",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Instant.ofEpochMilli(m.cohortWeek()),
                        m.weeksSince(),
                        m.cohortUsers(),
                        m.retainedUsers());
        return write(
                DocumentWrite.Action.INDEX,
                MonthlyIndex.name("metrics", m.cohortWeek()),
                m.id(),
                document);
    }

    /**
     * The item's catalogue fields, popularity, vector and ranking vector; its neighbours are
     * written apart.
     */
    public static DocumentWrite item(ItemUpdate i) {
        ItemDocument document =
                new ItemDocument(
                        i.itemId(),
                        i.categoryId(),
                        i.categoryCode(),
                        i.brand(),
                        i.price(),
                        i.views1d(),
                        i.views7d(),
                        i.views30d(),
                        i.carts1d(),
                        i.carts7d(),
                        i.carts30d(),
                        i.purchases1d(),
                        i.purchases7d(),
                        i.purchases30d(),
                        i.vector(),
                        ItemRanking.rankingVector(i.vector()),
                        null,
                        Instant.ofEpochMilli(i.at()));
        return write(DocumentWrite.Action.UPSERT, "items", i.itemId(), document);
    }

    public static DocumentWrite similarItems(SimilarItems s) {
        List<SimilarItem> neighbours =
                s.neighbours().stream().map(n -> new SimilarItem(n.itemId(), n.score())).toList();
        ItemDocument document =
                new ItemDocument(
                        s.itemId(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        neighbours,
                        null);
        return write(DocumentWrite.Action.UPSERT, "items", s.itemId(), document);
    }

    /** The shopper's taste vector and purchases, leaving features and scores alone. */
    public static DocumentWrite userTaste(UserTaste t) {
        UserDocument document =
                new UserDocument(
                        t.userId(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        t.purchasedItems(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        t.vector(),
                        null);
        return write(DocumentWrite.Action.UPSERT, "users", t.userId(), document);
    }

    public static DocumentWrite deadLetter(DeadLetter d) {
        DeadLetterDocument document =
                new DeadLetterDocument(
                        Instant.ofEpochMilli(d.receivedAt()),
                        d.reason().name(),
                        d.detail(),
                        d.source(),
                        d.rawPayload(),
                        d.userId(),
                        d.eventTime() == null ? null : Instant.ofEpochMilli(d.eventTime()));
        return write(
                DocumentWrite.Action.INDEX,
                MonthlyIndex.name("dead-letters", d.receivedAt()),
                d.id(),
                document);
    }

    private static DocumentWrite write(
            DocumentWrite.Action action, String index, String id, Object document) {
        try {
            return new DocumentWrite(
                    action, index, id, Documents.objectMapper().writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot serialize " + id, e);
        }
    }
}
