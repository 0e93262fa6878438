package dev.snowpulse.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileStoreTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC);

    static ConnectionProfile postgres(String name, EnvironmentKind env) {
        return new ConnectionProfile(name, Environment.of(env), new PostgresSettings("db.example", 5432, "shop", "app",
                SslMode.VERIFY_FULL, "/etc/ca.pem", "orders-app", SecretRef.environment("SHOP_PASSWORD")));
    }

    static ConnectionProfile snowflake(String name) {
        return new ConnectionProfile(name, new Environment(EnvironmentKind.CUSTOM, "perf", "#00897B"),
                new SnowflakeSettings("acme-prod", "loader", "SYSADMIN", "COMPUTE_WH", "RETAIL_STREAMING_DEMO", "PUBLIC",
                        null, SnowflakeAuthenticator.KEY_PAIR, "/home/u/.snowflake/rsa_key.p8", null, SecretRef.of(SecretSource.PROMPT)));
    }

    @Test
    void savedProfilesComeBackEqualAfterAReopen() throws IOException {
        Path file = dir.resolve("config/profiles.json");
        ProfileStore store = ProfileStore.open(file, clock);
        store.save(null, postgres("orders-prod", EnvironmentKind.PROD));
        store.save(null, snowflake("retail"));

        ProfileStore reopened = ProfileStore.open(file, clock);

        assertThat(reopened.list()).containsExactly(postgres("orders-prod", EnvironmentKind.PROD), snowflake("retail"));
        assertThat(reopened.problem()).isEmpty();
        assertThat(Files.readString(file)).contains("\"formatVersion\" : 1");
    }

    @Test
    void theFileIsOwnerOnlyAndNoTemporaryFileIsLeft() throws IOException {
        Path file = dir.resolve("config/profiles.json");
        ProfileStore.open(file, clock).save(null, postgres("a", EnvironmentKind.DEV));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("profiles.json");
        }
    }

    @Test
    void renamingKeepsTheOrderAndADuplicateNameIsRefused() throws IOException {
        ProfileStore store = ProfileStore.open(dir.resolve("p.json"), clock);
        store.save(null, postgres("a", EnvironmentKind.DEV));
        store.save(null, postgres("b", EnvironmentKind.DEV));
        store.save("a", postgres("a2", EnvironmentKind.STAGING));

        assertThat(store.list()).extracting(ConnectionProfile::name).containsExactly("a2", "b");
        assertThatThrownBy(() -> store.save(null, postgres("b", EnvironmentKind.DEV))).hasMessageContaining("exists already");
        assertThat(store.remove("b")).isTrue();
        assertThat(ProfileStore.open(dir.resolve("p.json"), clock).list()).extracting(ConnectionProfile::name).containsExactly("a2");
    }

    @Test
    void aCorruptFileIsMovedAsideUntouchedAndReported() throws IOException {
        Path file = dir.resolve("profiles.json");
        String corrupt = "{ \"formatVersion\": 1, \"profiles\": [ { \"name\": \"half";
        Files.writeString(file, corrupt);

        ProfileStore store = ProfileStore.open(file, clock);

        Path aside = dir.resolve("profiles.json.unreadable-20261122-101530");
        assertThat(store.problem()).hasValueSatisfying(p -> {
            assertThat(p.movedTo()).isEqualTo(aside);
            assertThat(p.message()).contains("could not be read").contains(aside.toString());
        });
        assertThat(Files.readString(aside)).isEqualTo(corrupt);
        assertThat(store.list()).isEmpty();

        store.save(null, postgres("fresh", EnvironmentKind.DEV));
        assertThat(Files.readString(aside)).isEqualTo(corrupt);
    }

    @Test
    void aFileFromANewerSnowPulseIsNotOverwritten() throws IOException {
        Path file = dir.resolve("profiles.json");
        Files.writeString(file, "{\"formatVersion\": 99, \"profiles\": []}");

        ProfileStore store = ProfileStore.open(file, clock);

        assertThat(store.problem()).hasValueSatisfying(p -> assertThat(p.reason()).contains("newer SnowPulse"));
        assertThat(Files.readString(store.problem().orElseThrow().movedTo())).contains("99");
    }

    @Test
    void anUnreadableFileThatCannotBeMovedMakesTheStoreRefuseToWrite() throws IOException {
        Path locked = dir.resolve("locked");
        Files.createDirectories(locked);
        Path file = locked.resolve("profiles.json");
        Files.createDirectory(file); // reading a directory fails like an unreadable file
        Files.writeString(file.resolve("keep"), "x");
        locked.toFile().setWritable(false);
        try {
            ProfileStore store = ProfileStore.open(file, clock);
            assertThat(store.problem()).isPresent();
            if (store.problem().orElseThrow().readOnly()) {
                assertThatThrownBy(() -> store.save(null, postgres("x", EnvironmentKind.DEV))).hasMessageContaining("will not overwrite");
            } else {
                // root may move it despite the permission: then it was moved aside intact
                assertThat(store.problem().orElseThrow().movedTo().resolve("keep")).hasContent("x");
            }
        } finally {
            locked.toFile().setWritable(true);
        }
    }

    @Test
    void exportedFilesCarryNoSecretAndReadBack() throws IOException {
        Path export = dir.resolve("export.json");
        ProfileExchange.export(List.of(postgres("a", EnvironmentKind.PROD), snowflake("b")), export);

        String text = Files.readString(export);
        assertThat(text).doesNotContainIgnoringCase("\"password\" : \"").contains("SHOP_PASSWORD");
        assertThat(ProfileExchange.read(export)).containsExactly(postgres("a", EnvironmentKind.PROD), snowflake("b"));
    }

    @Test
    void importingSomethingElseSaysWhatItIs() throws IOException {
        Path notProfiles = dir.resolve("x.json");
        Files.writeString(notProfiles, "[1, 2");
        assertThatThrownBy(() -> ProfileExchange.read(notProfiles)).hasMessageContaining("is not a SnowPulse profiles file");
    }
}
