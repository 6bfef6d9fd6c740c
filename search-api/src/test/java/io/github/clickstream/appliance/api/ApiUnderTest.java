package io.github.clickstream.appliance.api;

import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The search API a test class calls: started by the class once its fixture is indexed, stopped
 * after the class. Register with {@code @RegisterExtension static final ApiUnderTest API}.
 */
final class ApiUnderTest implements AfterAllCallback {

    private RunningSearchApi running;

    /** Starts the API with the test keys and default limits; returns an admin-key client. */
    ApiTestClient start(ElasticsearchConnection connection) {
        return start(SearchApiConfig.local(connection, TestKeys.KEYS));
    }

    ApiTestClient start(SearchApiConfig config) {
        running = SearchApi.start(config);
        return new ApiTestClient(running.url());
    }

    RunningSearchApi running() {
        return running;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (running != null) {
            running.close();
        }
    }
}
