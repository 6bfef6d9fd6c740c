package io.github.clickstream.appliance.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Utf8Test {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "'', true",
        "41, true",
        "c3a9, true", // é
        "e282ac, true", // €
        "f09f9880, true", // U+1F600
        "f48fbfbf, true", // U+10FFFF, the last code point
        "c328, false", // a lead byte followed by ASCII
        "80, false", // a lone continuation byte
        "c0af, false", // overlong '/'
        "e080af, false", // overlong '/'
        "f0808080, false", // overlong
        "eda080, false", // UTF-16 surrogate U+D800
        "f4908080, false", // beyond U+10FFFF
        "f5808080, false", // never a lead byte
        "e282, false", // cut short
        "f09f98, false", // cut short
    })
    void agreesWithTheUnicodeRules(String hex, boolean valid) {
        assertThat(Utf8.isValid(HexFormat.of().parseHex(hex))).isEqualTo(valid);
    }

    @Test
    void agreesWithTheJdkStrictDecoderOnRandomBytes() {
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(12)];
            for (int b = 0; b < bytes.length; b++) {
                // Mostly bytes around the interesting boundaries of multi-byte sequences.
                bytes[b] =
                        (byte)
                                (random.nextInt(4) == 0
                                        ? random.nextInt(128)
                                        : 0x80 + random.nextInt(128));
            }

            assertThat(Utf8.isValid(bytes))
                    .as(HexFormat.of().formatHex(bytes))
                    .isEqualTo(jdkAccepts(bytes));
        }
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
