package dev.snowpulse.profile.store;

import dev.snowpulse.profile.SslMode;
import dev.snowpulse.profile.SnowflakeSettings;
import dev.snowpulse.profile.SnowflakeAuthenticator;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.Environment;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.app.JsonFiles;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileStoreTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC);

    static ConnectionProfile postgres(String name, EnvironmentKind env) {
        return dev.snowpulse.testing.SampleProfiles.postgres(name, env);
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
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("profiles.json", ".profiles.json.lock");
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
    void aFileFromANewerSnowPulseIsLeftAsItIsAndNotWritten() throws IOException {
        Path file = dir.resolve("profiles.json");
        String newer = "{\"formatVersion\": 99, \"profiles\": []}";
        Files.writeString(file, newer);

        ProfileStore store = ProfileStore.open(file, clock);

        assertThat(store.problem()).hasValueSatisfying(p -> assertThat(p.reason()).contains("newer SnowPulse"));
        assertThatThrownBy(() -> store.save(null, postgres("x", EnvironmentKind.DEV))).hasMessageContaining("will not overwrite");
        assertThat(file).hasContent(newer);
    }

    @Test
    void fieldsANewerSnowPulseWroteSurviveASave() throws IOException {
        Path file = dir.resolve("profiles.json");
        Files.writeString(file, """
                {"formatVersion": 1, "theme": "high-contrast",
                 "profiles": [
                  {"name": "a", "environment": {"kind": "DEV", "label": "dev", "colour": "#2E7D32", "icon": "leaf"},
                   "connection": {"kind": "postgres", "host": "h", "port": 5432, "database": "d", "user": "u",
                                  "sslMode": "PREFER", "password": {"source": "AUTO"}, "poolMode": "transaction"},
                   "tags": ["team-a"]},
                  {"name": "b", "environment": {"kind": "DEV"},
                   "connection": {"kind": "postgres", "host": "h", "port": 5432, "database": "d", "user": "u", "futureFlag": true}}]}
                """);
        ProfileStore store = ProfileStore.open(file, clock);
        ConnectionProfile a = store.find("a").orElseThrow();

        store.save("a", new ConnectionProfile("a", a.environment(), postgres("x", EnvironmentKind.DEV).connection()));
        store.save(null, postgres("c", EnvironmentKind.DEV));

        JsonNode written = JsonFiles.mapper().readTree(file.toFile());
        assertThat(written.path("theme").asText()).isEqualTo("high-contrast");
        JsonNode savedA = written.path("profiles").get(0);
        assertThat(savedA.path("tags").get(0).asText()).isEqualTo("team-a");
        assertThat(savedA.path("environment").path("icon").asText()).isEqualTo("leaf");
        assertThat(savedA.path("connection").path("poolMode").asText()).isEqualTo("transaction");
        assertThat(savedA.path("connection").path("host").asText()).isEqualTo("db.example");
        assertThat(written.path("profiles").get(1).path("connection").path("futureFlag").asBoolean()).isTrue();
        assertThat(ProfileStore.open(file, clock).list()).extracting(ConnectionProfile::name).containsExactly("a", "b", "c");
    }

    @Test
    void profilesSharingANameAreBothKeptAndReported() throws IOException {
        Path file = dir.resolve("profiles.json");
        Files.writeString(file, """
                {"formatVersion": 1, "profiles": [
                  {"name": "shop", "environment": {"kind": "DEV"}, "connection": {"kind": "postgres", "host": "first", "port": 5432, "database": "d", "user": "u"}},
                  {"name": "shop", "environment": {"kind": "PROD"}, "connection": {"kind": "postgres", "host": "second", "port": 5432, "database": "d", "user": "u"}}]}
                """);

        ProfileStore store = ProfileStore.open(file, clock);

        assertThat(store.list()).extracting(ConnectionProfile::name).containsExactly("shop", "shop (2)");
        assertThat(store.find("shop (2)")).hasValueSatisfying(p -> assertThat(p.connection().summary()).contains("second"));
        assertThat(store.duplicatesNotice()).hasValueSatisfying(n -> assertThat(n).contains("'shop' is listed as 'shop (2)'")
                .contains("Both are kept"));
        store.save(null, postgres("other", EnvironmentKind.DEV));
        assertThat(ProfileStore.open(file, clock).list()).extracting(ConnectionProfile::name).containsExactly("shop", "shop (2)", "other");
    }

    @Test
    void aDeviceAPipeOrAHugeFileIsNeitherReadNorWritten() throws Exception {
        Path zero = dir.resolve("zero/profiles.json");
        Files.createDirectories(zero.getParent());
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        Path fifo = dir.resolve("fifo/profiles.json");
        Files.createDirectories(fifo.getParent());
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path huge = dir.resolve("huge/profiles.json");
        Files.createDirectories(huge.getParent());
        Files.write(huge, new byte[ProfileFile.MAX_BYTES + 1]);

        for (Path file : List.of(zero, fifo, huge)) {
            ProfileStore store = ProfileStore.open(file, clock);
            assertThat(store.problem()).as(file.toString()).hasValueSatisfying(p -> {
                assertThat(p.readOnly()).isTrue();
                assertThat(p.reason()).containsAnyOf("not a regular file", "larger than");
            });
            assertThatThrownBy(() -> store.save(null, postgres("x", EnvironmentKind.DEV))).hasMessageContaining("will not overwrite");
        }
        assertThat(Files.isSymbolicLink(zero)).isTrue();
        assertThat(Files.size(huge)).isEqualTo(ProfileFile.MAX_BYTES + 1);
    }

    @Test
    void aLinkedFileStaysALink() throws IOException {
        Path real = dir.resolve("dotfiles/profiles.json");
        Files.createDirectories(real.getParent());
        Files.writeString(real, "{\"formatVersion\": 1, \"profiles\": []}");
        Path link = dir.resolve("config/profiles.json");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, real);

        ProfileStore.open(link, clock).save(null, postgres("a", EnvironmentKind.DEV));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("\"a\"");
    }

    @Test
    void anEditOfAProfileChangedElsewhereIsRefusedAndSavingAgainKeepsIt() throws IOException {
        Path file = dir.resolve("profiles.json");
        ProfileStore window = ProfileStore.open(file, clock);
        window.save(null, postgres("shop", EnvironmentKind.DEV));
        ConnectionProfile opened = window.find("shop").orElseThrow();
        ProfileStore.open(file, clock).save("shop", postgres("shop", EnvironmentKind.STAGING));

        ConnectionProfile edited = postgres("shop", EnvironmentKind.PROD);
        assertThatThrownBy(() -> window.saveEdit(opened, edited))
                .isInstanceOfSatisfying(ProfileStore.ChangedElsewhere.class, e -> {
                    assertThat(e.getMessage()).contains("was changed outside this window");
                    assertThat(e.current()).contains(postgres("shop", EnvironmentKind.STAGING));
                });
        assertThat(window.find("shop")).contains(postgres("shop", EnvironmentKind.STAGING));

        window.saveEdit(window.find("shop").orElseThrow(), edited);
        assertThat(ProfileStore.open(file, clock).find("shop")).contains(edited);
    }

    @Test
    void aChangeMadeOutsideIsNoticedAndHeardOf() throws Exception {
        Path file = dir.resolve("profiles.json");
        ProfileStore window = ProfileStore.open(file, clock);
        CountDownLatch heard = new CountDownLatch(1);
        window.addListener(heard::countDown);

        try (ProfileFileWatcher ignored = ProfileFileWatcher.start(window, Duration.ofSeconds(1))) {
            ProfileStore.open(file, clock).save(null, postgres("from-cli", EnvironmentKind.DEV));

            assertThat(heard.await(30, TimeUnit.SECONDS)).as("the window heard of the change").isTrue();
        }
        assertThat(window.list()).extracting(ConnectionProfile::name).containsExactly("from-cli");
        assertThat(window.reloadIfChanged()).as("nothing new since").isFalse();

        Files.writeString(file, "{ half an edit");
        assertThat(window.reloadIfChanged()).isTrue();
        assertThat(window.problem()).hasValueSatisfying(p -> assertThat(p.readOnly()).isTrue());
        assertThat(window.list()).as("what was read before stays").extracting(ConnectionProfile::name).containsExactly("from-cli");
        assertThat(file).hasContent("{ half an edit");
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
