package dev.snowpulse.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgPassFileTest {

    @TempDir
    Path home;

    @Test
    void theFirstMatchingLineWinsWithWildcardsAndEscapes() {
        PgPassFile file = PgPassFile.parse(List.of(
                "# comment",
                "db.example:5432:shop:app:first",
                "db.example:*:*:app:second",
                "*:*:*:*:fallback",
                "weird\\:host:5432:*:u:pa\\:ss\\\\word"));

        assertThat(file.passwordFor("db.example", 5432, "shop", "app")).map(Secret::value).contains("first");
        assertThat(file.passwordFor("db.example", 6432, "other", "app")).map(Secret::value).contains("second");
        assertThat(file.passwordFor("elsewhere", 1, "x", "y")).map(Secret::value).contains("fallback");
        assertThat(PgPassFile.parse(List.of("weird\\:host:5432:*:u:pa\\:ss\\\\word")).passwordFor("weird:host", 5432, "d", "u"))
                .map(Secret::value).contains("pa:ss\\word");
    }

    @Test
    void aFileOthersCanReadIsRefusedLikeLibpqDoes() throws IOException {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "*:*:*:*:pw\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> PgPassFile.read(pgpass)).hasMessageContaining("chmod 0600");
    }

    @Test
    void pgpassfileOverridesTheHomeLocation() {
        HostEnvironment host = new HostEnvironment(Map.of("PGPASSFILE", "/secure/pass"), home, "Linux");
        assertThat(PgPassFile.location(host)).isEqualTo(Path.of("/secure/pass"));
        assertThat(PgPassFile.location(new HostEnvironment(Map.of(), home, "Linux"))).isEqualTo(home.resolve(".pgpass"));
        assertThat(PgPassFile.location(new HostEnvironment(Map.of("APPDATA", "C:/Users/u/AppData/Roaming"), home, "Windows 11")))
                .isEqualTo(Path.of("C:/Users/u/AppData/Roaming/postgresql/pgpass.conf"));
    }
}
