package io.github.clickstream.appliance.localstack;

/** A local service did not come up; the message carries the tail of its log. */
public class ServiceStartException extends RuntimeException {

    public ServiceStartException(String message) {
        super(message);
    }
}
