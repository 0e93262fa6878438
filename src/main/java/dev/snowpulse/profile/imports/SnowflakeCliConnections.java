package dev.snowpulse.profile.imports;

import dev.snowpulse.app.EnvVar;
import dev.snowpulse.profile.SnowflakeSettings;
import dev.snowpulse.profile.SnowflakeAuthenticator;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.app.HostEnvironment;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Snowflake CLI's connections.toml ($SNOWFLAKE_HOME/connections.toml, else ~/.snowflake/connections.toml).
 * Each [name] table becomes a profile that points the driver at that connection, so passwords and tokens stay in
 * the CLI's file and are never copied into SnowPulse's.
 */
public final class SnowflakeCliConnections {

    public record Entry(String name, SnowflakeSettings settings) {
    }

    private SnowflakeCliConnections() {
    }

    public static Path location(HostEnvironment host) {
        return host.variable(EnvVar.SNOWFLAKE_HOME.name()).map(Path::of).orElse(host.home().resolve(".snowflake")).resolve("connections.toml");
    }

    public static List<Entry> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no Snowflake CLI connections at " + file + " (set SNOWFLAKE_HOME or create it with `snow connection add`)");
        }
        Map<String, Object> document;
        try {
            document = new TomlMapper().readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            throw new IOException(file + " is not valid TOML: " + firstLine(e.getMessage()));
        }
        List<Entry> entries = new ArrayList<>();
        for (var table : document.entrySet()) {
            if (table.getValue() instanceof Map<?, ?> values) {
                entries.add(new Entry(table.getKey(), settings(table.getKey(), values)));
            }
        }
        return entries;
    }

    private static SnowflakeSettings settings(String name, Map<?, ?> values) {
        return new SnowflakeSettings(
                text(values, "account"), text(values, "user"), text(values, "role"), text(values, "warehouse"),
                text(values, "database"), text(values, "schema"), null,
                SnowflakeAuthenticator.CLI_CONNECTION, null, name, SecretRef.of(SecretSource.NONE));
    }

    private static String text(Map<?, ?> values, String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString();
    }

    private static String firstLine(String message) {
        return message == null ? "parse error" : message.lines().findFirst().orElse("parse error");
    }
}
