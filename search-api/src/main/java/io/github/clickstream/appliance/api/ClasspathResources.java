package io.github.clickstream.appliance.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the files the API ships on its classpath; a missing one is a packaging bug. */
final class ClasspathResources {

    private ClasspathResources() {}

    static byte[] read(String name) {
        try (InputStream in = ClasspathResources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
