package io.github.clickstream.appliance.localstack;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects a running {@link ElasticsearchNode} or {@link KafkaBroker} into
 * test methods, constructors and {@code @BeforeAll} methods. Each service starts on first use and
 * is shared by every test class in the JVM, so a suite pays its start-up once; JUnit closes it when
 * the run ends.
 */
public class LocalStackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ElasticsearchNode.class || type == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Class<?> type = parameter.getParameter().getType();
        if (type == ElasticsearchNode.class) {
            return store.getOrComputeIfAbsent(
                    type,
                    key -> LocalStack.startElasticsearch(ElasticsearchOptions.defaults()),
                    ElasticsearchNode.class);
        }
        return store.getOrComputeIfAbsent(
                type, key -> LocalStack.startKafka(KafkaOptions.defaults()), KafkaBroker.class);
    }
}
