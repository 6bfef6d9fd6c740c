package io.github.clickstream.appliance.events;

/**
 * Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF)
 * without decoding. The parser checks every payload before Jackson sees it, and a JDK decoder would
 * allocate a char buffer per event on the hot path; this loop allocates nothing and skips ASCII
 * fast.
 */
public final class Utf8 {

    private Utf8() {}

    public static boolean isValid(byte[] bytes) {
        return isValid(bytes, 0, bytes.length);
    }

    public static boolean isValid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            int lead = b & 0xFF;
            if (lead < 0xC2 || lead > 0xF4) {
                return false; // continuation byte, overlong 2-byte lead, or beyond U+10FFFF
            }
            if (lead < 0xE0) {
                if (i + 1 >= to || !continuation(bytes[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (lead < 0xF0) {
                if (i + 2 >= to || !continuation(bytes[i + 2])) {
                    return false;
                }
                int second = bytes[i + 1] & 0xFF;
                int min = lead == 0xE0 ? 0xA0 : 0x80; // E0 80..9F would be overlong
                int max = lead == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
                if (second < min || second > max) {
                    return false;
                }
                i += 3;
            } else {
                if (i + 3 >= to || !continuation(bytes[i + 2]) || !continuation(bytes[i + 3])) {
                    return false;
                }
                int second = bytes[i + 1] & 0xFF;
                int min = lead == 0xF0 ? 0x90 : 0x80; // F0 80..8F would be overlong
                int max = lead == 0xF4 ? 0x8F : 0xBF; // F4 90.. would be beyond U+10FFFF
                if (second < min || second > max) {
                    return false;
                }
                i += 4;
            }
        }
        return true;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
