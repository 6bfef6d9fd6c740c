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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {

    @Test
    void taobaoSampleKeepsEveryBehaviourCount() throws IOException {
        Path file = SharedData.file("taobao-userbehavior-110k.csv");
        Map<String, Long> behaviours = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            behaviours.merge(line.split(",")[3], 1L, Long::sum);
        }

        List<ParseResult> results = readAll(file, DatasetFormat.TAOBAO);

        Map<EventType, Long> types = countTypes(results);
        assertThat(results).allMatch(ParseResult::valid);
        assertThat(types.get(EventType.VIEW)).isEqualTo(behaviours.get("pv"));
        assertThat(types.get(EventType.CART)).isEqualTo(behaviours.get("cart"));
        assertThat(types.get(EventType.FAVOURITE)).isEqualTo(behaviours.get("fav"));
        assertThat(types.get(EventType.PURCHASE)).isEqualTo(behaviours.get("buy"));
        assertThat(results.get(0).event())
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
                                1_511_658_000_000L));
    }

    @Test
    void onlineRetailCancellationsBecomeRefundsAndAnonymousLinesDeadLetters() throws IOException {
        Path file = SharedData.file("uci-online-retail.csv.gz");
        long cancellationsWithCustomer = 0;
        long withoutCustomer = 0;
        long lines = 0;
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(Files.newInputStream(file)),
                                StandardCharsets.UTF_8))) {
            in.readLine(); // header
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines++;
                String[] tail = line.split(",");
                boolean anonymous = tail[tail.length - 2].isEmpty();
                if (anonymous) {
                    withoutCustomer++;
                } else if (line.startsWith("C")) {
                    cancellationsWithCustomer++;
                }
            }
        }

        List<ParseResult> results = readAll(file, DatasetFormat.ONLINE_RETAIL);

        assertThat(results).hasSize((int) lines);
        assertThat(countTypes(results).get(EventType.REFUND)).isEqualTo(cancellationsWithCustomer);
        assertThat(
                        results.stream()
                                .filter(r -> !r.valid())
                                .filter(
                                        r ->
                                                r.deadLetter().reason()
                                                        == DeadLetterReason.MISSING_FIELD)
                                .count())
                .isEqualTo(withoutCustomer);
        ClickEvent first = results.get(0).event();
        assertThat(first.userId()).isEqualTo("17850");
        assertThat(first.itemId()).isEqualTo("85123A");
        assertThat(first.quantity()).isEqualTo(6);
        assertThat(first.price()).isEqualTo(2.55);
        assertThat(first.eventType()).isEqualTo(EventType.PURCHASE);
    }

    @Test
    void rees46RowsAreAdaptedAndBadRowsExplained(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rees46.csv");
        Files.writeString(
                file,
                """
                event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session
                2019-10-01 00:00:00 UTC,view,44600062,2103807459595387724,,shiseido,35.79,541312140,72d76fde
                2019-10-01 00:00:05 UTC,purchase,3900821,2053013552326770905,appliances.water_heater,aqua,33.20,554748717,9333dfbd
                2019-10-01 00:00:06 UTC,teleport,1,2,,,1.0,3,x
                yesterday,view,1,2,,,1.0,3,x
                """);

        List<ParseResult> results = readAll(file, DatasetFormat.REES46);

        assertThat(results.get(1).event())
                .isEqualTo(
                        new ClickEvent(
                                "r46-554748717-3900821-1569888005000-purchase",
                                "554748717",
                                EventType.PURCHASE,
                                "3900821",
                                "2053013552326770905",
                                "appliances.water_heater",
                                "aqua",
                                33.20,
                                null,
                                null,
                                null,
                                null,
                                1_569_888_005_000L));
        assertThat(results.get(0).event().categoryCode()).isNull();
        assertThat(results.get(2).deadLetter().reason())
                .isEqualTo(DeadLetterReason.UNKNOWN_EVENT_TYPE);
        assertThat(results.get(3).deadLetter().reason())
                .isEqualTo(DeadLetterReason.INVALID_TIMESTAMP);
        assertThat(results.get(3).deadLetter().source()).isEqualTo("rees46.csv:5");
    }

    @Test
    void retailRocketAndCanonicalFiles(@TempDir Path dir) throws IOException {
        Path rr = dir.resolve("events.csv");
        Files.writeString(
                rr,
                "timestamp,visitorid,event,itemid,transactionid\n"
                        + "1433221332117,257597,view,355908,\n"
                        + "1433224214164,992329,transaction,248676,4000\n");
        Path json = dir.resolve("events.jsonl");
        Files.writeString(
                json,
                "{\"event_id\":\"a\",\"user_id\":\"u\",\"event_type\":\"view\",\"item_id\":\"i\",\"ts\":5}\n"
                        + "\n"
                        + "not json\n");

        List<ParseResult> rocket = readAll(rr, DatasetFormat.RETAILROCKET);
        List<ParseResult> canonical = readAll(json, DatasetFormat.CANONICAL);

        assertThat(rocket.get(1).event().eventType()).isEqualTo(EventType.PURCHASE);
        assertThat(rocket.get(1).event().timestamp()).isEqualTo(1_433_224_214_164L);
        assertThat(canonical).hasSize(2);
        assertThat(canonical.get(0).event().eventId()).isEqualTo("a");
        assertThat(canonical.get(1).deadLetter().reason())
                .isEqualTo(DeadLetterReason.MALFORMED_JSON);
        assertThat(canonical.get(1).deadLetter().source()).isEqualTo("events.jsonl:3");
    }

    @Test
    void formatNamesAcceptTheCommandLineSpelling() {
        assertThat(DatasetFormat.parse("online-retail")).isEqualTo(DatasetFormat.ONLINE_RETAIL);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DatasetFormat.parse("csv"))
                .hasMessageContaining("use taobao, rees46");
    }

    static List<ParseResult> readAll(Path file, DatasetFormat format) throws IOException {
        List<ParseResult> results = new ArrayList<>();
        try (DatasetReader reader = new DatasetReader(file, format)) {
            reader.forEachRemaining(results::add);
        }
        return results;
    }

    private static Map<EventType, Long> countTypes(List<ParseResult> results) {
        Map<EventType, Long> counts = new EnumMap<>(EventType.class);
        results.stream()
                .filter(ParseResult::valid)
                .forEach(r -> counts.merge(r.event().eventType(), 1L, Long::sum));
        return counts;
    }
}
