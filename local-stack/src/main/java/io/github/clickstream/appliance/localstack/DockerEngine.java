package io.github.clickstream.appliance.localstack;

/**
 * Whether the Testcontainers path can run: it is chosen with {@code -Dlocal-stack.mode=docker} (or
 * env {@code LOCAL_STACK_MODE=docker}) and needs Testcontainers on the classpath and a reachable
 * Docker engine. Anything else means the local processes.
 */
final class DockerEngine {

    static final String MODE_PROPERTY = "local-stack.mode";

    private DockerEngine() {}

    static boolean requested() {
        String mode = System.getProperty(MODE_PROPERTY, System.getenv("LOCAL_STACK_MODE"));
        return "docker".equalsIgnoreCase(mode);
    }

    static boolean available() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory");
        } catch (ClassNotFoundException e) {
            return false;
        }
        return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    }
}
