package io.github.clickstream.appliance.events.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clickstream.appliance.events.DeadLetter;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.ParseResult;
import io.github.clickstream.appliance.events.ParserLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {

    private static final String TAOBAO =
            "1,10,100,pv,1511658000\n" + "1,10,100,cart,1511658060\n" + "2,20,200,buy,1511658120\n";

    @TempDir Path dir;

    @Test
    void gzipIsRecognisedByItsContentWhateverTheFileIsCalled() throws IOException {
        Path plain = write("events.csv", TAOBAO.getBytes(StandardCharsets.UTF_8));
        Path gzipped = write("events.csv.gz", gzip(TAOBAO));
        Path misnamed = write("events-gzipped.csv", gzip(TAOBAO));

        List<ParseResult> expected = readAll(plain, DatasetFormat.TAOBAO);

        assertThat(expected).hasSize(3).allMatch(ParseResult::valid);
        assertThat(readAll(gzipped, DatasetFormat.TAOBAO)).isEqualTo(expected);
        assertThat(readAll(misnamed, DatasetFormat.TAOBAO)).isEqualTo(expected);
    }

    @Test
    void headerByteOrderMarkCrlfAndBlankLinesAreSkippedButLinesStillCounted() throws IOException {
        Path file =
                write(
                        "rocket.csv",
                        ("\uFEFFtimestamp,visitorid,event,itemid,transactionid\r\n"
                                        + "1433221332117,257597,view,355908,\r\n"
                                        + "\r\n"
                                        + "   \n"
                                        + "1433224214164,992329,teleport,248676,4000\r\n")
                                .getBytes(StandardCharsets.UTF_8));

        List<ParseResult> results = readAll(file, DatasetFormat.RETAILROCKET);

        assertThat(results).hasSize(2);
        assertThat(results.get(0).event().eventId())
                .isEqualTo("rr-257597-355908-1433221332117-view");
        assertThat(results.get(1).deadLetter().source()).isEqualTo("rocket.csv:5");
        assertThat(results.get(1).deadLetter().rawPayload())
                .isEqualTo("1433224214164,992329,teleport,248676,4000");
    }

    @Test
    void fileWithoutItsUsualHeaderStartsWithData() throws IOException {
        Path file =
                write(
                        "rocket.csv",
                        "1433221332117,257597,view,355908,\n".getBytes(StandardCharsets.UTF_8));

        assertThat(readAll(file, DatasetFormat.RETAILROCKET))
                .singleElement()
                .matches(ParseResult::valid);
    }

    @Test
    void unclosedQuoteCostsOnlyItsOwnLine() throws IOException {
        Path file =
                write(
                        "retail.csv",
                        ("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                                        + "536365,85123A,\"WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n"
                                        + "536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom\n")
                                .getBytes(StandardCharsets.UTF_8));

        List<ParseResult> results = readAll(file, DatasetFormat.ONLINE_RETAIL);

        assertThat(results).hasSize(2);
        assertThat(results.get(0).deadLetter().reason()).isEqualTo(DeadLetterReason.MALFORMED_CSV);
        assertThat(results.get(0).deadLetter().source()).isEqualTo("retail.csv:2");
        assertThat(results.get(1).event().itemId()).isEqualTo("71053");
    }

    @Test
    void invalidUtf8LineIsADeadLetterInEveryFormat() throws IOException {
        byte[] latin1Json =
                "{\"event_id\":\"e\",\"user_id\":\"caf\u00e9\",\"event_type\":\"view\",\"item_id\":\"i\",\"ts\":1}\n"
                        .getBytes(StandardCharsets.ISO_8859_1);
        byte[] latin1Csv = "caf\u00e9,10,100,pv,1511658000\n".getBytes(StandardCharsets.ISO_8859_1);

        DeadLetter json =
                readAll(write("a.jsonl", latin1Json), DatasetFormat.CANONICAL).get(0).deadLetter();
        DeadLetter csv =
                readAll(write("b.csv", latin1Csv), DatasetFormat.TAOBAO).get(0).deadLetter();

        assertThat(json.reason()).isEqualTo(DeadLetterReason.INVALID_UTF8);
        assertThat(csv.reason()).isEqualTo(DeadLetterReason.INVALID_UTF8);
        assertThat(csv.rawPayload()).isEqualTo("caf\uFFFD,10,100,pv,1511658000");
    }

    @Test
    void overlongLineIsADeadLetterHoldingOnlyItsHead() throws IOException {
        String huge = "{\"pad\":\"" + "x".repeat(3_000_000) + "\"}";
        Path file =
                write(
                        "events.jsonl",
                        (huge
                                        + "\n{\"event_id\":\"a\",\"user_id\":\"u\",\"event_type\":\"view\",\"item_id\":\"i\",\"ts\":5}\n")
                                .getBytes(StandardCharsets.UTF_8));

        List<ParseResult> results = readAll(file, DatasetFormat.CANONICAL);

        assertThat(results.get(0).deadLetter().reason())
                .isEqualTo(DeadLetterReason.OVERSIZED_PAYLOAD);
        assertThat(results.get(0).deadLetter().rawPayload())
                .hasSize(ParserLimits.DEFAULT_MAX_PAYLOAD_BYTES)
                .isEqualTo(huge.substring(0, ParserLimits.DEFAULT_MAX_PAYLOAD_BYTES));
        assertThat(results.get(1).event().eventId()).isEqualTo("a");
    }

    @Test
    void canonicalLinesGoThroughTheJsonParser() throws IOException {
        Path file =
                write(
                        "events.jsonl",
                        ("{\"event_id\":\"a\",\"user_id\":\"u\",\"event_type\":\"search\",\"query\":\"lamp\",\"ts\":5}\n"
                                        + "\n"
                                        + "not json\n"
                                        + "{\"event_id\":\"b\",\"user_id\":\"u\",\"event_type\":\"view\",\"ts\":5}")
                                .getBytes(StandardCharsets.UTF_8));

        List<ParseResult> results = readAll(file, DatasetFormat.CANONICAL);

        assertThat(results).hasSize(3);
        assertThat(results.get(0).event().eventType()).isEqualTo(EventType.SEARCH);
        assertThat(results.get(1).deadLetter().reason()).isEqualTo(DeadLetterReason.MALFORMED_JSON);
        assertThat(results.get(1).deadLetter().source()).isEqualTo("events.jsonl:3");
        assertThat(results.get(2).deadLetter().reason()).isEqualTo(DeadLetterReason.MISSING_FIELD);
    }

    @Test
    void linesAdaptedOneByOneGiveTheSameResultsAsTheReader() throws IOException {
        Path file =
                write("events.csv", (TAOBAO + "x,y,z,pv,later\n").getBytes(StandardCharsets.UTF_8));
        DatasetLines lines =
                new DatasetLines(DatasetFormat.TAOBAO, ParserLimits.defaults(), () -> 0);
        List<ParseResult> oneByOne = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file)) {
            oneByOne.add(lines.parse(line, "events.csv:" + ++number));
        }

        assertThat(readAll(file, DatasetFormat.TAOBAO)).isEqualTo(oneByOne);
    }

    @Test
    void truncatedGzipFailsWithAMessageSayingSo() throws IOException {
        byte[] gzip = gzip(TAOBAO.repeat(1000));
        Path file = write("cut.csv.gz", Arrays.copyOf(gzip, gzip.length / 2));

        assertThatThrownBy(() -> readAll(file, DatasetFormat.TAOBAO))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cut.csv.gz")
                .hasMessageContaining("is the file complete?");
    }

    @Test
    void exhaustedReaderSaysSo() throws IOException {
        try (DatasetReader reader = DatasetFormat.TAOBAO.open(write("empty.csv", new byte[0]))) {
            assertThat(reader.hasNext()).isFalse();
            assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void formatNamesAcceptTheCommandLineSpelling() {
        assertThat(DatasetFormat.parse("online-retail")).isEqualTo(DatasetFormat.ONLINE_RETAIL);
        assertThat(DatasetFormat.parse(" Taobao ")).isEqualTo(DatasetFormat.TAOBAO);
        assertThatThrownBy(() -> DatasetFormat.parse("csv"))
                .hasMessageContaining(
                        "use taobao, rees46, retailrocket, online-retail or canonical");
    }

    static List<ParseResult> readAll(Path file, DatasetFormat format) throws IOException {
        List<ParseResult> results = new ArrayList<>();
        try (DatasetReader reader =
                new DatasetReader(file, format, ParserLimits.defaults(), () -> 0)) {
            reader.forEachRemaining(results::add);
        }
        return results;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
