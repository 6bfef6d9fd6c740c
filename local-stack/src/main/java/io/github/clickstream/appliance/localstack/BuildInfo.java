package io.github.clickstream.appliance.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What the build wrote into {@code local-stack.properties}: distribution paths and versions. */
final class BuildInfo {

    private static final String RESOURCE = "/local-stack.properties";

    private BuildInfo() {}

    static String get(String key) {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE + " is missing from the classpath; build local-stack first");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = properties.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException(
                    "local-stack.properties has no value for "
                            + key
                            + "; rebuild with ./mvnw -DskipTests install");
        }
        return value;
    }
}
