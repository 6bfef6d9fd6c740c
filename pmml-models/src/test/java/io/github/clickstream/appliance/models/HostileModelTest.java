package io.github.clickstream.appliance.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clickstream.appliance.models.ModelRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Model documents an attacker or a broken export could offer: each is refused by the check meant
 * for it, with a reason that names the problem. The control case (a genuine new version) passes.
 */
class HostileModelTest {

    private static final List<String> FEATURES =
            List.of(
                    "sessions_7d",
                    "sessions_30d",
                    "orders_30d",
                    "orders_lifetime",
                    "revenue_30d",
                    "revenue_lifetime",
                    "average_order_value",
                    "view_to_cart_rate",
                    "cart_to_purchase_rate",
                    "cart_abandonment_rate",
                    "avg_session_duration_s",
                    "avg_session_depth",
                    "distinct_categories_30d",
                    "days_since_last_visit",
                    "days_since_last_purchase",
                    "tenure_days");

    private final ModelDeployer deployer =
            new ModelDeployer(FEATURES, GoldenSet.shipped(FEATURES), ModelLimits.DEFAULTS);
    private final String propensity =
            new String(ShippedModels.pmml(ModelSlot.PURCHASE_PROPENSITY), StandardCharsets.UTF_8);

    @Test
    void aGenuineNewVersionIsDeployed() throws Exception {
        String newVersion =
                propensity.replaceFirst("modelVersion=\"[^\"]*\"", "modelVersion=\"v2\"");
        DeployedModel model = deployer.deploy(ModelSlot.PURCHASE_PROPENSITY, bytes(newVersion));
        assertThat(model.label()).isEqualTo("purchase_propensity@v2");
    }

    @Test
    void xxeFileReadIsRefused() {
        assertRefused(HostileDocuments.xxe(propensity), Reason.DOCTYPE_FORBIDDEN, "DOCTYPE");
    }

    @Test
    void billionLaughsIsRefused() {
        assertRefused(
                HostileDocuments.billionLaughs(propensity), Reason.DOCTYPE_FORBIDDEN, "DOCTYPE");
    }

    @Test
    void externalDtdIsRefused() {
        assertRefused(
                HostileDocuments.externalDtd(propensity), Reason.DOCTYPE_FORBIDDEN, "DOCTYPE");
    }

    @Test
    void veryDeepNestingIsRefused() {
        assertRefused(
                HostileDocuments.deeplyNested(propensity, 5_000),
                Reason.TOO_DEEP,
                "deeper than 256");
    }

    @Test
    void oversizedFileIsRefused() {
        assertRefused(
                HostileDocuments.padded(propensity, ModelLimits.DEFAULTS.maxBytes()),
                Reason.TOO_LARGE,
                "the limit is " + ModelLimits.DEFAULTS.maxBytes());
    }

    @Test
    void applyNamingAJavaClassIsRefused() {
        assertRefused(
                HostileDocuments.applyNamingAClass(propensity),
                Reason.FORBIDDEN_FUNCTION,
                "'java.lang.Runtime'");
    }

    @Test
    void aTamperedCoefficientFailsTheModelsOwnVerificationRecords() {
        assertRefused(
                HostileDocuments.tamperedCoefficient(propensity),
                Reason.VERIFICATION_FAILED,
                "verification records");
    }

    @Test
    void aModelReadingAFeatureThePipelineDoesNotProduceIsRefused() {
        assertRefused(
                HostileDocuments.unknownInput(propensity), Reason.MISSING_INPUT, "'tenure_months'");
    }

    @Test
    void aTruncatedFileIsRefused() {
        assertRefused(
                HostileDocuments.truncated(propensity), Reason.MALFORMED_XML, "not well-formed");
    }

    @Test
    void aClusteringModelCannotTakeAProbabilitySlot() {
        assertThatThrownBy(
                        () ->
                                deployer.deploy(
                                        ModelSlot.PURCHASE_PROPENSITY,
                                        ShippedModels.pmml(ModelSlot.SEGMENT)))
                .isInstanceOfSatisfying(
                        ModelRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_MODEL_KIND));
    }

    @Test
    void aModelWithoutScoresForTheGoldenRowsIsRefused() {
        // No verification records to catch it, and no replacement for missing rates: golden rows
        // of users who never carted get no score.
        String noReplacement =
                propensity
                        .replaceAll("(?s)<ModelVerification.*</ModelVerification>", "")
                        .replaceAll(
                                " missingValueReplacement=\"[^\"]*\" missingValueTreatment=\"asValue\"",
                                "");
        assertRefused(noReplacement, Reason.GOLDEN_SET_FAILED, "golden row");
    }

    private void assertRefused(String document, Reason reason, String messagePart) {
        assertThatThrownBy(() -> deployer.deploy(ModelSlot.PURCHASE_PROPENSITY, bytes(document)))
                .isInstanceOfSatisfying(
                        ModelRejectedException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(reason);
                            assertThat(e.getMessage()).contains(messagePart);
                        });
    }

    private static byte[] bytes(String document) {
        return document.getBytes(StandardCharsets.UTF_8);
    }
}
