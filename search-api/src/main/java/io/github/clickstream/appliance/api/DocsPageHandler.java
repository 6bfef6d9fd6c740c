package io.github.clickstream.appliance.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * {@code GET /docs}: the OpenAPI document rendered by Swagger UI, whose assets come from the
 * swagger-ui webjar on the classpath (served under {@code /webjars/}). The page's template is a
 * resource; the webjar's version is read from the jar itself so the two cannot drift apart.
 */
final class DocsPageHandler implements Handler {

    static final String TEMPLATE = "/search-api/docs.html";
    private static final String WEBJAR_PROPERTIES =
            "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final String page;

    DocsPageHandler() {
        String assets = "/webjars/swagger-ui/" + webjarVersion();
        page =
                new String(ClasspathResources.read(TEMPLATE), StandardCharsets.UTF_8)
                        .replace("{{assets}}", assets);
    }

    @Override
    public void handle(Context ctx) {
        ctx.html(page);
    }

    private static String webjarVersion() {
        Properties properties = new Properties();
        try {
            properties.load(new ByteArrayInputStream(ClasspathResources.read(WEBJAR_PROPERTIES)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
