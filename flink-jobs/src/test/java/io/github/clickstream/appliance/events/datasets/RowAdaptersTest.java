package io.github.clickstream.appliance.events.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.ParseResult;
import io.github.clickstream.appliance.events.ParserLimits;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Each dataset's rows, good and bad, one line at a time. */
class RowAdaptersTest {

    @Test
    void rees46PurchaseIsAdaptedFieldByField() {
        ClickEvent event =
                event(
                        DatasetFormat.REES46,
                        "2019-10-01 00:00:05 UTC,purchase,3900821,2053013552326770905,appliances.water_heater,aqua,33.20,554748717,9333dfbd-b87a");

        assertThat(event)
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
                                Instant.parse("2019-10-01T00:00:05Z").toEpochMilli()));
    }

    @Test
    void rees46EmptyCategoryCodeAndBrandAreAbsentAndRemovalsAreKept() {
        ClickEvent event =
                event(
                        DatasetFormat.REES46,
                        "2019-10-01 00:00:00 UTC,remove_from_cart,44600062,2103807459595387724,,,35.79,541312140,72d76fde");

        assertThat(event.eventType()).isEqualTo(EventType.REMOVE_FROM_CART);
        assertThat(event.categoryCode()).isNull();
        assertThat(event.brand()).isNull();
    }

    @Test
    void retailRocketEventNamesMapToCanonicalTypes() {
        assertThat(
                        event(DatasetFormat.RETAILROCKET, "1433221332117,257597,view,355908,")
                                .eventType())
                .isEqualTo(EventType.VIEW);
        assertThat(
                        event(DatasetFormat.RETAILROCKET, "1433221332117,257597,addtocart,355908,")
                                .eventType())
                .isEqualTo(EventType.CART);
        ClickEvent purchase =
                event(DatasetFormat.RETAILROCKET, "1433224214164,992329,transaction,248676,4000");
        assertThat(purchase.eventType()).isEqualTo(EventType.PURCHASE);
        assertThat(purchase.timestamp()).isEqualTo(1_433_224_214_164L);
        assertThat(purchase.price()).isNull();
    }

    @Test
    void onlineRetailSpreadsheetAndIsoDatesAreTheSameUtcInstant() {
        String iso =
                "536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom";
        String spreadsheet =
                "536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850.0,United Kingdom";

        long expected = Instant.parse("2010-12-01T08:26:00Z").toEpochMilli();
        assertThat(event(DatasetFormat.ONLINE_RETAIL, iso).timestamp()).isEqualTo(expected);
        assertThat(event(DatasetFormat.ONLINE_RETAIL, spreadsheet).timestamp()).isEqualTo(expected);
    }

    @Test
    void onlineRetailCancellationIsARefundOfAPositiveQuantity() {
        ClickEvent refund =
                event(
                        DatasetFormat.ONLINE_RETAIL,
                        "C536383,35004C,SET OF 3 COLOURED  FLYING DUCKS,-1,2010-12-01 09:49:00,4.65,15311.0,United Kingdom");

        assertThat(refund.eventType()).isEqualTo(EventType.REFUND);
        assertThat(refund.quantity()).isEqualTo(1);
        assertThat(refund.price()).isEqualTo(4.65);
        assertThat(refund.userId()).isEqualTo("15311");
        assertThat(refund.categoryId()).isEqualTo("35");
    }

    @Test
    void onlineRetailNonProductLinesHaveNoCategory() {
        ClickEvent postage =
                event(
                        DatasetFormat.ONLINE_RETAIL,
                        "536370,POST,POSTAGE,3,2010-12-01 08:45:00,18.0,12583.0,France");

        assertThat(postage.eventType()).isEqualTo(EventType.PURCHASE);
        assertThat(postage.itemId()).isEqualTo("POST");
        assertThat(postage.categoryId()).isNull();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "TAOBAO|1,10,100,like,1511658000|UNKNOWN_EVENT_TYPE",
                "TAOBAO|1,10,100,pv,yesterday|INVALID_TIMESTAMP",
                "TAOBAO|1,10,100,pv,99999999999999999|INVALID_TIMESTAMP",
                "TAOBAO|1,10,100,pv|MISSING_FIELD",
                "TAOBAO|1,,100,pv,1511658000|MISSING_FIELD",
                "REES46|2019-10-01 00:00:00 UTC,teleport,1,2,,,1.0,3,x|UNKNOWN_EVENT_TYPE",
                "REES46|2019-10-01 00:00:00 UTC,search,1,2,,,1.0,3,x|UNKNOWN_EVENT_TYPE",
                "REES46|yesterday,view,1,2,,,1.0,3,x|INVALID_TIMESTAMP",
                "REES46|2019-10-01 00:00:00 UTC,view,1,2,,,,3,x|MISSING_FIELD",
                "REES46|2019-10-01 00:00:00 UTC,view,1,2,,,-1.0,3,x|INVALID_PRICE",
                "REES46|2019-10-01 00:00:00 UTC,view,1,2,,,NaN,3,x|INVALID_PRICE",
                "REES46|2019-10-01 00:00:00 UTC,view,1,2,,,free,3,x|INVALID_PRICE",
                "RETAILROCKET|1433221332117,257597,click,355908,|UNKNOWN_EVENT_TYPE",
                "RETAILROCKET|soon,257597,view,355908,|INVALID_TIMESTAMP",
                "RETAILROCKET|1433221332117,,view,355908,|MISSING_FIELD",
                "ONLINE_RETAIL|536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,,United Kingdom|MISSING_FIELD",
                "ONLINE_RETAIL|536365,85123A,HEART,-6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom|INVALID_QUANTITY",
                "ONLINE_RETAIL|536365,85123A,HEART,0,2010-12-01 08:26:00,2.55,17850.0,United Kingdom|INVALID_QUANTITY",
                "ONLINE_RETAIL|536365,85123A,HEART,six,2010-12-01 08:26:00,2.55,17850.0,United Kingdom|INVALID_QUANTITY",
                "ONLINE_RETAIL|536365,85123A,HEART,6,2010-13-01 08:26:00,2.55,17850.0,United Kingdom|INVALID_TIMESTAMP",
                "ONLINE_RETAIL|A563186,B,Adjust bad debt,1,2011-08-12 14:51:00,-11062.06,17850.0,United Kingdom|INVALID_PRICE",
                "ONLINE_RETAIL|536365,85123A,\"HEART|MALFORMED_CSV",
            })
    void badRowBecomesADeadLetterWithItsReason(
            DatasetFormat format, String line, DeadLetterReason reason) {
        ParseResult result =
                new DatasetLines(format, ParserLimits.defaults(), () -> 0).parse(line, "test:1");

        assertThat(result.event()).isNull();
        assertThat(result.deadLetter().reason()).isEqualTo(reason);
        assertThat(result.deadLetter().rawPayload()).isEqualTo(line);
        assertThat(result.deadLetter().detail()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(value = DatasetFormat.class, names = "CANONICAL", mode = EnumSource.Mode.EXCLUDE)
    void headerRowIsRecognisedAndDataRowsAreNot(DatasetFormat format) {
        DatasetLines lines = new DatasetLines(format);
        String header = String.join(",", format.adapter().columns());

        assertThat(lines.isHeader(header)).isTrue();
        assertThat(lines.isHeader(header.toUpperCase())).isTrue();
        assertThat(lines.isHeader("1433221332117,257597,view,355908,")).isFalse();
        assertThat(lines.isHeader("\"unclosed")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(DatasetFormat.class)
    void randomLinesNeverThrow(DatasetFormat format) {
        DatasetLines lines = new DatasetLines(format, ParserLimits.defaults(), () -> 0);
        Random random = new Random(format.ordinal());
        String alphabet = "0123456789,,,\"\" .-:/abcCUTpvbuy\u00e9\t";
        for (int i = 0; i < 2_500; i++) {
            StringBuilder line = new StringBuilder();
            for (int n = random.nextInt(80); n > 0; n--) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byte[] bytes = new byte[random.nextInt(60)];
            random.nextBytes(bytes);

            ParseResult text = lines.parse(line.toString(), "fuzz");
            ParseResult raw = lines.parse(bytes, "fuzz");

            assertThat(text.valid()).isNotEqualTo(text.deadLetter() != null);
            assertThat(raw.valid()).isNotEqualTo(raw.deadLetter() != null);
        }
    }

    private static ClickEvent event(DatasetFormat format, String line) {
        ParseResult result = new DatasetLines(format).parse(line, "test:1");
        assertThat(result.deadLetter()).as("dead letter of %s", line).isNull();
        return result.event();
    }
}
