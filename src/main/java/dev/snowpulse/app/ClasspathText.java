package dev.snowpulse.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A text file shipped in the jar (the SQL under sql/), read as UTF-8; a missing one is a broken build, not an input. */
public final class ClasspathText {

    private ClasspathText() {
    }

    public static String read(String resource) {
        try (InputStream in = ClasspathText.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
