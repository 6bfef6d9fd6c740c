package io.github.clickstream.appliance.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The arithmetic fast path against {@code OffsetDateTime.parse} as the reference. */
class IsoTimestampTest {

    @Test
    void fastPathAgreesWithOffsetDateTimeOnRandomInstantsOffsetsAndFractions() {
        Random random = new Random(5);
        long min = Instant.parse("0000-01-02T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-30T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long second = min + (long) (random.nextDouble() * (max - min));
            int nanos = random.nextInt(1_000_000_000);
            ZoneOffset offset =
                    ZoneOffset.ofTotalSeconds(60 * (random.nextInt(2 * 18 * 60 + 1) - 18 * 60));
            String text =
                    format(
                            OffsetDateTime.ofInstant(Instant.ofEpochSecond(second, nanos), offset),
                            random);

            assertThat(IsoTimestamp.fastPath(text))
                    .as(text)
                    .isEqualTo(OffsetDateTime.parse(text).toInstant().toEpochMilli());
        }
    }

    @Test
    void garbledTimestampsAreAcceptedOrRejectedExactlyAsOffsetDateTimeDoes() throws Exception {
        Random random = new Random(9);
        String chars = "0123456789-+:.TZz ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder("2024-02-29T23:59:59.999+05:30");
            for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
                text.setCharAt(
                        random.nextInt(text.length()),
                        chars.charAt(random.nextInt(chars.length())));
            }
            String candidate = text.toString();
            Long expected = reference(candidate);

            if (expected == null) {
                assertThat(IsoTimestamp.fastPath(candidate))
                        .as(candidate)
                        .isEqualTo(Long.MIN_VALUE);
            } else {
                assertThat(IsoTimestamp.toEpochMillis(candidate)).as(candidate).isEqualTo(expected);
            }
        }
    }

    @Test
    void commonShapesTakeTheFastPath() {
        assertThat(IsoTimestamp.fastPath("2017-11-26T01:00:00Z")).isEqualTo(1_511_658_000_000L);
        assertThat(IsoTimestamp.fastPath("2017-11-26T09:00:00+08:00"))
                .isEqualTo(1_511_658_000_000L);
        assertThat(IsoTimestamp.fastPath("2017-11-26T01:00:00.5Z")).isEqualTo(1_511_658_000_500L);
        assertThat(IsoTimestamp.fastPath("1969-12-31T23:59:59.999Z")).isEqualTo(-1L);
    }

    private static String format(OffsetDateTime time, Random random) {
        int digits = random.nextInt(10);
        String fraction =
                digits == 0 ? "" : "." + String.format("%09d", time.getNano()).substring(0, digits);
        String offset = time.getOffset().getId(); // "Z" or "+05:30"
        if ("Z".equals(offset) && random.nextBoolean()) {
            offset = "+00:00";
        }
        return String.format(
                        "%04d-%02d-%02dT%02d:%02d:%02d",
                        time.getYear(),
                        time.getMonthValue(),
                        time.getDayOfMonth(),
                        time.getHour(),
                        time.getMinute(),
                        time.getSecond())
                + fraction
                + offset;
    }

    private static Long reference(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }
}
