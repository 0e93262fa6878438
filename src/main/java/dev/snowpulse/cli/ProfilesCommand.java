package dev.snowpulse.cli;

import dev.snowpulse.format.Durations;
import dev.snowpulse.db.ConnectionCheck;
import dev.snowpulse.db.ConnectionService;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.Environment;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.imports.PgEnvironmentImport;
import dev.snowpulse.profile.store.ProfileCatalog;
import dev.snowpulse.profile.store.ProfileChanges;
import dev.snowpulse.profile.store.ProfileExchange;
import dev.snowpulse.profile.imports.SnowflakeCliConnections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Command(name = "profiles",
        description = "List, add, test, import and export connection profiles.",
        mixinStandardHelpOptions = true,
        subcommands = {ProfileAddCommand.class})
public final class ProfilesCommand {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    public ProfilesCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "list", description = "List every profile: name, environment, kind, target and secret source.")
    int list(@Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE})") String format)
            throws IOException {
        List<ConnectionProfile> profiles = catalog().all();
        switch (format) {
            case "table" -> ProfileTable.print(profiles, context.out());
            case "json" -> context.out().println(dev.snowpulse.app.JsonFiles.reportMapper().writeValueAsString(profiles));
            default -> throw new IllegalArgumentException("--format: '" + format + "' is not table or json");
        }
        return Cli.OK;
    }

    @Command(name = "show", description = "Show one profile's settings and where its secret comes from (never the secret).")
    int show(@Parameters(paramLabel = "NAME", arity = "0..1", description = "Profile (default: --profile, else Local demo)") String name) {
        ConnectionProfile profile = CliProfiles.chosen(context, spec, name);
        ProfileTable.printDetails(profile, context.services().secrets().resolve(profile), context.out());
        return Cli.OK;
    }

    @Command(name = "remove", description = "Remove a saved profile. A prod profile needs --confirm NAME.")
    int remove(@Parameters(paramLabel = "NAME") String name,
               @Option(names = "--confirm", paramLabel = "NAME", description = "The profile's name, to confirm removing a prod profile") String confirm)
            throws IOException {
        ConnectionProfile profile = catalog().require(name);
        CliProfiles.guard(context, profile, "Removal", confirm);
        catalog().remove(name);
        context.services().secrets().keychain().delete(name);
        context.out().println("removed profile '" + name + "'");
        return Cli.OK;
    }

    @Command(name = "test", description = "Connect with a profile: server version, round-trip latency, TLS. Exit 1 when it fails.")
    int test(@Parameters(paramLabel = "NAME", arity = "0..1", description = "Profile (default: --profile, else Local demo)") String name,
             @Option(names = "--timeout", defaultValue = "10s", description = "Give up after this long (default: ${DEFAULT-VALUE})") String timeout) {
        ConnectionProfile profile = CliProfiles.chosen(context, spec, name);
        Duration limit = Durations.parse(timeout, "--timeout");
        ConnectionService.Outcome outcome = context.services().connections().test(profile, limit);
        if (outcome.needsPrompt()) {
            CliProfiles.typeSecret(context, profile, outcome.secret().detail());
            outcome = context.services().connections().test(profile, limit);
        }
        ConnectionCheck check = outcome.check();
        if (!check.ok()) {
            throw new CliFailure("profile '" + profile.name() + "': " + check.message());
        }
        context.out().println("ok  " + profile.name() + "  " + check.target() + "  " + check.summary());
        String embedded = context.services().connections().localDemo().embeddedDescription();
        if (ProfileCatalog.isBuiltIn(profile.name()) && embedded != null) {
            context.out().println("    " + embedded);
        }
        return Cli.OK;
    }

    @Command(name = "import-env", description = "Save a profile from PGHOST, PGPORT, PGDATABASE, PGUSER, PGSSLMODE, PGSSLROOTCERT, PGAPPNAME (password: PGPASSWORD stays in the environment).")
    int importEnv(@Option(names = "--name", description = "Profile name (default: env-<PGHOST>)") String name,
                  @Option(names = "--env", defaultValue = "dev", description = "dev, staging, prod or custom (default: ${DEFAULT-VALUE})") String env)
            throws IOException {
        ConnectionProfile profile = PgEnvironmentImport.profile(context.services().host(), name, Environment.of(EnvironmentKind.parse(env)));
        catalog().save(null, profile);
        context.out().println("saved profile '" + profile.name() + "' (" + profile.connection().summary() + ")");
        return Cli.OK;
    }

    @Command(name = "import-snowflake", description = "Save a profile for every connection in the Snowflake CLI's connections.toml ($SNOWFLAKE_HOME or ~/.snowflake).")
    int importSnowflake(@Option(names = "--file", description = "connections.toml to read") Path file,
                        @Option(names = "--env", defaultValue = "dev", description = "dev, staging, prod or custom (default: ${DEFAULT-VALUE})") String env)
            throws IOException {
        Path source = file != null ? file : SnowflakeCliConnections.location(context.services().host());
        List<SnowflakeCliConnections.Entry> entries = SnowflakeCliConnections.read(source);
        Environment environment = Environment.of(EnvironmentKind.parse(env));
        List<String> skipped = new ArrayList<>();
        for (SnowflakeCliConnections.Entry entry : entries) {
            if (catalog().find(entry.name()).isPresent()) {
                skipped.add(entry.name());
                continue;
            }
            catalog().save(null, new ConnectionProfile(entry.name(), environment, entry.settings()));
            context.out().println("saved profile '" + entry.name() + "' (" + entry.settings().summary() + ")");
        }
        skipped.forEach(n -> context.err().println("skipped '" + n + "': a profile with that name exists"));
        if (entries.isEmpty()) {
            context.err().println("no connections in " + source);
        }
        return Cli.OK;
    }

    @Command(name = "export", description = "Write profiles to a JSON file (no secrets: only where each secret comes from).")
    int export(@Parameters(paramLabel = "FILE") Path file,
               @Parameters(paramLabel = "NAME", arity = "0..*", description = "Profiles to export (default: all saved)") List<String> names)
            throws IOException {
        List<ConnectionProfile> profiles = names == null || names.isEmpty()
                ? catalog().store().list()
                : names.stream().map(catalog()::require).toList();
        ProfileExchange.export(profiles, file);
        context.out().println("exported " + profiles.size() + " profile(s) to " + file);
        return Cli.OK;
    }

    @Command(name = "import", description = {"Add the profiles from a JSON file written by export.",
            "Replacing a prod profile (--replace) needs --confirm with its name, and says what changes."})
    int importFile(@Parameters(paramLabel = "FILE") Path file,
                   @Option(names = "--replace", description = "Replace profiles that have the same name") boolean replace,
                   @Option(names = "--confirm", paramLabel = "NAME", split = ",",
                           description = "Names of the prod profiles --replace may change (repeat, or separate with commas)")
                   List<String> confirm)
            throws IOException {
        List<ConnectionProfile> imported = ProfileExchange.read(file);
        // every prod profile the import would change is confirmed before anything is written
        for (ConnectionProfile profile : imported) {
            catalog().find(profile.name()).filter(existing -> replace && !existing.equals(profile)).ifPresent(existing -> {
                String changes = ProfileChanges.describe(existing, profile);
                if (context.services().prodGuard().needsConfirmation(existing)) {
                    context.err().println("replacing prod profile '" + existing.name() + "': " + changes);
                    String typed = confirm != null && confirm.contains(existing.name()) ? existing.name() : null;
                    CliProfiles.guard(context, existing, "Replacing the profile", typed);
                }
            });
        }
        int added = 0;
        for (ConnectionProfile profile : imported) {
            Optional<ConnectionProfile> existing = catalog().find(profile.name());
            if (existing.isPresent() && !replace) {
                context.err().println("skipped '" + profile.name() + "': a profile with that name exists (use --replace)");
                continue;
            }
            if (existing.isPresent() && existing.get().equals(profile)) {
                context.err().println("unchanged '" + profile.name() + "'");
                continue;
            }
            catalog().save(existing.isPresent() ? profile.name() : null, profile);
            context.out().println((existing.isPresent() ? "replaced" : "added") + " profile '" + profile.name() + "'"
                    + existing.map(e -> ": " + ProfileChanges.describe(e, profile)).orElse(""));
            added++;
        }
        context.out().println("imported " + added + " profile(s) from " + file);
        return Cli.OK;
    }

    private ProfileCatalog catalog() {
        return context.services().profiles();
    }
}
