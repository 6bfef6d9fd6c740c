package io.github.clickstream.appliance.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clickstream.appliance.models.ModelRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
        String xxe =
                withDoctype(
                        "<!DOCTYPE PMML [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
                        propensity.replaceFirst("<Header ", "<Header copyright=\"&xxe;\" "));
        assertRefused(xxe, Reason.DOCTYPE_FORBIDDEN, "DOCTYPE");
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE PMML [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        doctype.append("]>");
        String bomb =
                withDoctype(
                        doctype.toString(),
                        propensity.replaceFirst("<Header ", "<Header copyright=\"&lol9;\" "));
        assertRefused(bomb, Reason.DOCTYPE_FORBIDDEN, "DOCTYPE");
    }

    @Test
    void externalDtdIsRefused() {
        String external =
                withDoctype("<!DOCTYPE PMML SYSTEM \"http://127.0.0.1:9/evil.dtd\">", propensity);
        assertRefused(external, Reason.DOCTYPE_FORBIDDEN, "DOCTYPE");
    }

    @Test
    void veryDeepNestingIsRefused() {
        String deep =
                propensity.replaceFirst(
                        "<Header ([^>]*)>",
                        "<Header $1>"
                                + "<Extension name=\"x\">".repeat(5_000)
                                + "</Extension>".repeat(5_000));
        assertRefused(deep, Reason.TOO_DEEP, "deeper than 256");
    }

    @Test
    void oversizedFileIsRefused() {
        char[] padding = new char[ModelLimits.DEFAULTS.maxBytes()];
        Arrays.fill(padding, ' ');
        String huge =
                propensity.replaceFirst("</PMML>", "<!--" + new String(padding) + "--></PMML>");
        assertRefused(huge, Reason.TOO_LARGE, "the limit is " + ModelLimits.DEFAULTS.maxBytes());
    }

    @Test
    void applyNamingAJavaClassIsRefused() {
        String classCall =
                propensity.replaceFirst("function=\"/\"", "function=\"java.lang.Runtime\"");
        assertRefused(classCall, Reason.FORBIDDEN_FUNCTION, "'java.lang.Runtime'");
    }

    @Test
    void aTamperedCoefficientFailsTheModelsOwnVerificationRecords() {
        String tampered =
                propensity.replaceFirst(
                        "(<NumericPredictor name=\"[^\"]+\" coefficient=\")[^\"]+\"", "$10.5\"");
        assertRefused(tampered, Reason.VERIFICATION_FAILED, "verification records");
    }

    @Test
    void aModelReadingAFeatureThePipelineDoesNotProduceIsRefused() {
        String renamed = propensity.replace("tenure_days", "tenure_months");
        assertRefused(renamed, Reason.MISSING_INPUT, "'tenure_months'");
    }

    @Test
    void aTruncatedFileIsRefused() {
        String truncated = propensity.substring(0, propensity.length() / 2);
        assertRefused(truncated, Reason.MALFORMED_XML, "not well-formed");
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

    private static String withDoctype(String doctype, String document) {
        int afterDeclaration = document.indexOf("?>") + 2;
        return document.substring(0, afterDeclaration)
                + "\n"
                + doctype
                + document.substring(afterDeclaration);
    }

    private static byte[] bytes(String document) {
        return document.getBytes(StandardCharsets.UTF_8);
    }
}
