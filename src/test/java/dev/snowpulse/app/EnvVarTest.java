package dev.snowpulse.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Every variable SnowPulse reads is in the enum (so in one place) and in the README's Configuration section. */
class EnvVarTest {

    @Test
    void theReadmeNamesEveryVariable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String configuration = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## Troubleshooting"));
        assertThat(Arrays.stream(EnvVar.values()).map(Enum::name))
                .allSatisfy(name -> assertThat(configuration).as(name).contains("`" + name + "`"));
    }

    @Test
    void noVariableIsNamedOutsideTheEnum() throws IOException {
        try (var sources = Files.walk(Path.of("src/main/java"))) {
            assertThat(sources.filter(p -> p.toString().endsWith(".java") && !p.endsWith("EnvVar.java")))
                    .allSatisfy(source -> assertThat(Files.readString(source)).as(source.toString())
                            .doesNotContainPattern("\"(SNOWPULSE_[A-Z_]+|PG(HOST|PORT|USER|DATABASE|PASSWORD|PASSFILE|SSLMODE|SSLROOTCERT|APPNAME)|SNOWFLAKE_[A-Z_]+|XDG_[A-Z_]+|HOME|APPDATA|LOCALAPPDATA)\""));
        }
    }
}
