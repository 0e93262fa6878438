package dev.snowpulse.cli;

import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.workload.PgbenchTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "init-pgbench", mixinStandardHelpOptions = true,
        description = {"Make pgbench's tables in the profile's database, as 'pgbench -i -s N' does.",
                "Old ones are dropped; then N branches, 10 N tellers, 100,000 N accounts and an empty history.",
                "Then: snowpulse workload -b tpcb-like."})
final class WorkloadInitPgbenchCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = {"-s", "--scale"}, defaultValue = "1", description = "Scale factor, 1..10000 (default: ${DEFAULT-VALUE})")
    int scale;

    @Option(names = "--confirm", paramLabel = "NAME", description = "The profile's name, to confirm on a prod profile")
    String confirm;

    WorkloadInitPgbenchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (scale < 1 || scale > PgbenchTables.MAX_SCALE) {
            throw new IllegalArgumentException("--scale: " + scale + " is outside 1.." + PgbenchTables.MAX_SCALE);
        }
        ConnectionProfile profile = CliProfiles.chosen(context, spec, null);
        var endpoint = CliProfiles.postgres(context, profile);
        CliProfiles.guard(context, profile, "Replacing pgbench's tables", confirm);
        try {
            PgbenchTables.initialize(endpoint, scale, step -> {
                context.out().println(step + "...");
                context.out().flush();
            });
        } catch (java.sql.SQLException e) {
            throw CliProfiles.databaseFailure("making pgbench's tables", e);
        }
        context.out().println("done: scale " + scale);
        return Cli.OK;
    }
}
