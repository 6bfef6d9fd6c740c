package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    // SHA-256("test") as printed by `printf test | sha256sum`.
    private static final String SHA256_OF_TEST =
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void findsAConfiguredKeyByItsTokenWhoseHashWasComputedOutsideJava() {
        ApiKeys keys = ApiKeys.parse("# campaign tools\ncrm:reader:" + SHA256_OF_TEST + "\n");

        assertThat(keys.find("test")).contains(new ApiKeys.Key("crm", ApiRole.READER));
        assertThat(keys.find("Test")).isEmpty();
        assertThat(keys.find(SHA256_OF_TEST)).as("the hash itself is not a token").isEmpty();
    }

    @Test
    void generatedTokensAreAcceptedOnlyWithTheirOwnRole() {
        ApiKeys.NewKey reader = ApiKeys.generate("dashboards", ApiRole.READER);
        ApiKeys.NewKey admin = ApiKeys.generate("ops", ApiRole.ADMIN);
        ApiKeys keys = ApiKeys.parse(reader.configLine() + ", " + admin.configLine());

        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.find(reader.token()))
                .contains(new ApiKeys.Key("dashboards", ApiRole.READER));
        assertThat(keys.find(admin.token())).contains(new ApiKeys.Key("ops", ApiRole.ADMIN));
        assertThat(reader.configLine()).doesNotContain(reader.token());
        assertThat(reader.token()).isNotEqualTo(ApiKeys.generate("x", ApiRole.READER).token());
    }

    @Test
    void rolesAreOrdered() {
        assertThat(ApiRole.ADMIN.allows(ApiRole.READER)).isTrue();
        assertThat(ApiRole.READER.allows(ApiRole.ADMIN)).isFalse();
        assertThat(ApiRole.READER.allows(ApiRole.OPEN)).isTrue();
    }

    @Test
    void badEntriesAreRefusedWithTheirLineAndNeverEchoTheHash() {
        assertThatThrownBy(() -> ApiKeys.parse("crm:reader"))
                .hasMessageContaining("entry 1")
                .hasMessageContaining("name:role:sha256-hex");
        assertThatThrownBy(
                        () ->
                                ApiKeys.parse(
                                        "a:reader:"
                                                + SHA256_OF_TEST
                                                + "\nb:owner:"
                                                + SHA256_OF_TEST.replace('9', '8')))
                .hasMessageContaining("entry 2")
                .hasMessageContaining("use reader or admin");
        assertThatThrownBy(() -> ApiKeys.parse("crm:reader:abc123"))
                .hasMessageContaining("64-hex-digit")
                .hasMessageNotContaining("abc123");
        assertThatThrownBy(() -> ApiKeys.parse("crm:open:" + SHA256_OF_TEST))
                .hasMessageContaining("use reader or admin");
        assertThatThrownBy(
                        () ->
                                ApiKeys.parse(
                                        "crm:reader:"
                                                + SHA256_OF_TEST
                                                + ",crm:admin:"
                                                + SHA256_OF_TEST.replace('f', 'e')))
                .hasMessageContaining("configured twice");
        assertThatThrownBy(() -> ApiKeys.parse("bad name:reader:" + SHA256_OF_TEST))
                .hasMessageContaining("bad name");
    }
}
