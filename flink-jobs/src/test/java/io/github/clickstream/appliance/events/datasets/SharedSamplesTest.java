package io.github.clickstream.appliance.events.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.ParseResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The adapters on the real public samples in {@code ../shared/data}; expected numbers come from
 * plain loops over the raw files, not from the code under test.
 */
class SharedSamplesTest {

    @Test
    void taobaoSampleKeepsEveryBehaviourCountAndEveryDistinctRow() throws IOException {
        Path file = SharedData.file("taobao-userbehavior-110k.csv");
        List<String> lines = Files.readAllLines(file);
        Map<String, Long> behaviours = new HashMap<>();
        for (String line : lines) {
            behaviours.merge(line.split(",")[3], 1L, Long::sum);
        }

        List<ParseResult> results = DatasetReaderTest.readAll(file, DatasetFormat.TAOBAO);

        assertThat(results).hasSize(lines.size()).allMatch(ParseResult::valid);
        Map<EventType, Long> types = countTypes(results);
        assertThat(types)
                .containsOnlyKeys(
                        EventType.VIEW, EventType.CART, EventType.FAVOURITE, EventType.PURCHASE);
        assertThat(types.get(EventType.VIEW)).isEqualTo(behaviours.get("pv"));
        assertThat(types.get(EventType.CART)).isEqualTo(behaviours.get("cart"));
        assertThat(types.get(EventType.FAVOURITE)).isEqualTo(behaviours.get("fav"));
        assertThat(types.get(EventType.PURCHASE)).isEqualTo(behaviours.get("buy"));
        assertThat(results.stream().map(r -> r.event().eventId()).distinct().count())
                .isEqualTo(new HashSet<>(lines).size());
    }

    @Test
    void taobaoFirstLineIsAdaptedFieldByField() throws IOException {
        Path file = SharedData.file("taobao-userbehavior-110k.csv");
        // 543462,1715,1464116,pv,1511658000
        ClickEvent first;
        try (DatasetReader reader = DatasetFormat.TAOBAO.open(file)) {
            first = reader.next().event();
        }

        assertThat(first)
                .isEqualTo(
                        new ClickEvent(
                                "tb-543462-1715-1511658000-pv",
                                "543462",
                                EventType.VIEW,
                                "1715",
                                "1464116",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                Instant.parse("2017-11-26T01:00:00Z").toEpochMilli()));
    }

    @Test
    void onlineRetailInvoiceLinesBecomePurchasesRefundsAndAnonymousDeadLetters()
            throws IOException {
        Path file = SharedData.file("uci-online-retail.csv.gz");
        long lines = 0;
        long cancellations = 0;
        long cancellationsWithoutCustomer = 0;
        long withoutCustomer = 0;
        List<String> raw = rawLines(file);
        for (String line : raw.subList(1, raw.size())) {
            lines++;
            String[] cells = line.split(",", -1); // only Description is quoted, and it is not here
            boolean anonymous = cells[cells.length - 2].isEmpty();
            boolean cancellation = line.startsWith("C");
            withoutCustomer += anonymous ? 1 : 0;
            cancellations += cancellation ? 1 : 0;
            cancellationsWithoutCustomer += cancellation && anonymous ? 1 : 0;
        }

        long results = 0;
        Map<EventType, Long> types = new EnumMap<>(EventType.class);
        Map<DeadLetterReason, Long> deadLetters = new EnumMap<>(DeadLetterReason.class);
        try (DatasetReader reader = DatasetFormat.ONLINE_RETAIL.open(file)) {
            while (reader.hasNext()) {
                ParseResult result = reader.next();
                results++;
                if (result.valid()) {
                    types.merge(result.event().eventType(), 1L, Long::sum);
                    assertThat(result.event().quantity()).isPositive();
                } else {
                    deadLetters.merge(result.deadLetter().reason(), 1L, Long::sum);
                }
            }
        }

        assertThat(results).isEqualTo(lines);
        assertThat(types).containsOnlyKeys(EventType.PURCHASE, EventType.REFUND);
        assertThat(types.get(EventType.REFUND) + cancellationsWithoutCustomer)
                .isEqualTo(cancellations);
        assertThat(types.get(EventType.PURCHASE))
                .isEqualTo(
                        lines - cancellations - (withoutCustomer - cancellationsWithoutCustomer));
        assertThat(deadLetters).isEqualTo(Map.of(DeadLetterReason.MISSING_FIELD, withoutCustomer));
    }

    @Test
    void onlineRetailFirstLineAndAQuotedDescriptionAreAdaptedFieldByField() throws IOException {
        Path file = SharedData.file("uci-online-retail.csv.gz");
        List<String> raw = rawLines(file);
        int quoted =
                raw.indexOf(
                        "536381,82567,\"AIRLINE LOUNGE,METAL SIGN\",2,2010-12-01 09:41:00,2.1,15311.0,United Kingdom");
        assertThat(quoted).as("the sample's quoted line").isPositive();

        List<ParseResult> results = new ArrayList<>();
        try (DatasetReader reader = DatasetFormat.ONLINE_RETAIL.open(file)) {
            for (int i = 0; i < quoted; i++) { // raw line 0 is the header
                results.add(reader.next());
            }
        }

        // 536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,...
        assertThat(results.get(0).event())
                .isEqualTo(
                        new ClickEvent(
                                "uci-536365-85123A-6-2.55",
                                "17850",
                                EventType.PURCHASE,
                                "85123A",
                                "85",
                                null,
                                null,
                                2.55,
                                6,
                                null,
                                null,
                                null,
                                Instant.parse("2010-12-01T08:26:00Z").toEpochMilli()));
        ClickEvent sign = results.get(quoted - 1).event();
        assertThat(sign.itemId()).isEqualTo("82567");
        assertThat(sign.quantity()).isEqualTo(2);
        assertThat(sign.price()).isEqualTo(2.1);
        assertThat(sign.userId()).isEqualTo("15311");
    }

    private static List<String> rawLines(Path gzip) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(Files.newInputStream(gzip)),
                                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }

    static Map<EventType, Long> countTypes(List<ParseResult> results) {
        Map<EventType, Long> counts = new EnumMap<>(EventType.class);
        results.stream()
                .filter(ParseResult::valid)
                .forEach(r -> counts.merge(r.event().eventType(), 1L, Long::sum));
        return counts;
    }
}
