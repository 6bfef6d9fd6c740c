package io.github.clickstream.appliance.events;

import java.time.DateTimeException;
import java.time.OffsetDateTime;

/**
 * ISO-8601 date-times with an offset to epoch milliseconds. The shape every producer of ours writes
 * ({@code 2026-11-23T10:15:00Z}, optional fraction, {@code Z} or {@code ±HH:MM}) is read by
 * arithmetic, because {@code OffsetDateTime.parse} costs as much as parsing the rest of the event;
 * anything else goes to {@code OffsetDateTime.parse}, so both paths accept exactly the same inputs.
 */
final class IsoTimestamp {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private IsoTimestamp() {}

    static long toEpochMillis(String text) throws InvalidEventException {
        long fast = fastPath(text);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) { // unparseable, or beyond a long
            throw new InvalidEventException(
                    DeadLetterReason.INVALID_TIMESTAMP,
                    "ts '" + EventFields.abbreviate(text) + "' is not ISO-8601 with an offset");
        }
    }

    /** The instant, or Long.MIN_VALUE when the text is not in the common shape or not valid. */
    static long fastPath(String s) {
        int n = s.length();
        if (n < 20
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > lengthOfMonth(year, month)
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return Long.MIN_VALUE;
        }
        int i = 19;
        int millis = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (i - start < 3) {
                    millis = millis * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            int count = i - start;
            if (count < 1 || count > 9) {
                return Long.MIN_VALUE;
            }
            for (int d = count; d < 3; d++) {
                millis *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6
                && (s.charAt(i) == '+' || s.charAt(i) == '-')
                && s.charAt(i + 3) == ':') {
            int offsetHours = digits(s, i + 1, i + 3);
            int offsetMinutes = digits(s, i + 4, i + 6);
            if (offsetHours < 0
                    || offsetHours > 18
                    || offsetMinutes < 0
                    || offsetMinutes > 59
                    || (offsetHours == 18 && offsetMinutes > 0)) {
                return Long.MIN_VALUE;
            }
            offsetSeconds =
                    (offsetHours * 3600 + offsetMinutes * 60) * (s.charAt(i) == '-' ? -1 : 1);
        } else {
            return Long.MIN_VALUE;
        }
        long days = daysSinceEpoch(year, month, day);
        return days * MILLIS_PER_DAY
                + (hour * 3600L + minute * 60L + second - offsetSeconds) * 1000L
                + millis;
    }

    /** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long daysSinceEpoch(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The decimal value of s[from, to), or -1 if any char there is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
