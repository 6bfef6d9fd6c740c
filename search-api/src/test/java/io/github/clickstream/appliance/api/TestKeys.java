package io.github.clickstream.appliance.api;

/** One reader and one admin key, generated per test JVM, accepted by every API the tests start. */
final class TestKeys {

    private static final ApiKeys.NewKey READER = ApiKeys.generate("test-reader", ApiRole.READER);
    private static final ApiKeys.NewKey ADMIN = ApiKeys.generate("test-admin", ApiRole.ADMIN);

    static final String READER_TOKEN = READER.token();
    static final String ADMIN_TOKEN = ADMIN.token();
    static final ApiKeys KEYS = ApiKeys.parse(READER.configLine() + "," + ADMIN.configLine());

    private TestKeys() {}
}
