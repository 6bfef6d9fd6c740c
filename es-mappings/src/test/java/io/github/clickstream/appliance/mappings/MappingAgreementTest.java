package io.github.clickstream.appliance.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MappingAgreementTest {

    private final MappingAgreement agreement = new MappingAgreement(Documents.objectMapper());

    static List<Map.Entry<String, Class<?>>> documents() {
        return List.of(
                Map.entry("users", UserDocument.class),
                Map.entry("items", ItemDocument.class),
                Map.entry("sessions", SessionDocument.class),
                Map.entry("metrics", MetricDocument.class),
                Map.entry("dead-letters", DeadLetterDocument.class));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyDocumentRecordAgreesWithItsMapping(Map.Entry<String, Class<?>> document) {
        assertThat(agreement.differences(document.getValue(), properties(document.getKey())))
                .isEmpty();
    }

    @Test
    void everyFamilyHasARecordUnderTest() {
        assertThat(documents())
                .extracting(Map.Entry::getKey)
                .containsExactlyElementsOf(TemplateFiles.FAMILIES);
    }

    record DeadLetterWithExtraField(
            Instant receivedAt,
            String reason,
            String detail,
            String source,
            String rawPayload,
            String userId,
            Instant eventTime,
            String shoeSize) {}

    @Test
    void aFieldOnlyInTheRecordIsADifference() {
        assertThat(
                        agreement.differences(
                                DeadLetterWithExtraField.class, properties("dead-letters")))
                .containsExactly("shoe_size: in the record but not in the mapping");
    }

    record DeadLetterMissingAField(
            Instant receivedAt,
            String reason,
            String detail,
            String source,
            String rawPayload,
            String userId) {}

    @Test
    void aFieldOnlyInTheMappingIsADifference() {
        assertThat(agreement.differences(DeadLetterMissingAField.class, properties("dead-letters")))
                .containsExactly("event_time: in the mapping but not in the record");
    }

    record DeadLetterWithWrongType(
            String receivedAt,
            String reason,
            String detail,
            String source,
            String rawPayload,
            String userId,
            Instant eventTime) {}

    @Test
    void anIncompatibleTypeIsADifference() {
        assertThat(agreement.differences(DeadLetterWithWrongType.class, properties("dead-letters")))
                .containsExactly("received_at: String in Java but date in the mapping");
    }

    record WrongNestedField(String model, String feature, Integer contribution) {}

    record UserWithWrongReason(String userId, List<WrongNestedField> reasons) {}

    @Test
    void nestedRecordsAreComparedFieldByField() throws Exception {
        JsonNode properties =
                Documents.objectMapper()
                        .readTree(
                                """
                                {"user_id": {"type": "keyword"},
                                 "reasons": {"type": "nested", "properties": {
                                   "model": {"type": "keyword"},
                                   "feature": {"type": "keyword"},
                                   "contribution": {"type": "double"}}}}
                                """);

        assertThat(agreement.differences(UserWithWrongReason.class, properties))
                .containsExactly("reasons.contribution: Integer in Java but double in the mapping");
    }

    private static JsonNode properties(String family) {
        return MappingAgreement.propertiesOf(TemplateFiles.read(family + "@mappings"));
    }
}
