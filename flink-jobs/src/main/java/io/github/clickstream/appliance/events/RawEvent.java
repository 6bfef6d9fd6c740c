package io.github.clickstream.appliance.events;

/**
 * An event as it arrived, before any parsing: the bytes, where they came from (topic, partition and
 * offset, or file and line) and when they were received.
 */
public record RawEvent(byte[] payload, String source, long receivedAt) {}
