package dev.snowpulse.ui.shell;

import dev.snowpulse.app.JsonFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** settings.json beside profiles.json. A broken file only costs the remembered window position. */
public final class UiSettingsStore {

    private final Path file;

    public UiSettingsStore(Path file) {
        this.file = file;
    }

    public UiSettings load() {
        if (!Files.isRegularFile(file)) {
            return UiSettings.defaults();
        }
        try {
            return JsonFiles.mapper().readValue(file.toFile(), UiSettings.class);
        } catch (IOException e) {
            return UiSettings.defaults();
        }
    }

    public void save(UiSettings settings) throws IOException {
        JsonFiles.writeAtomically(file, settings);
    }
}
