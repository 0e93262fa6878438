package dev.snowpulse.cli;

import dev.snowpulse.format.TextTable;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.schema.FileState;
import dev.snowpulse.schema.MigrationFailure;
import dev.snowpulse.schema.SchemaFile;
import dev.snowpulse.schema.SchemaService;
import dev.snowpulse.schema.Restock;
import dev.snowpulse.schema.SchemaStatus;
import dev.snowpulse.validation.FieldError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create or upgrade the e-commerce schema, seed data, place_order and the KPI functions (sql/postgres).",
                "Safe to run again: only pending or changed files are applied. A database initialised by the seed",
                "project's init_db is adopted with its data."})
final class InitCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--status", description = "Only show each file's state; change nothing")
    boolean statusOnly;

    @Option(names = "--reset-data", description = "Afterwards, empty orders and payments and restock every product (see --stock)")
    boolean resetData;

    @Option(names = "--stock", defaultValue = "100", description = "Units per product for --reset-data (default: ${DEFAULT-VALUE})")
    int stock;

    @Option(names = "--confirm", paramLabel = "NAME", description = "The profile's name, to confirm a write on a prod profile")
    String confirm;

    InitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Restock restock;
        try {
            restock = new Restock(stock);
        } catch (FieldError e) {
            throw new IllegalArgumentException("--stock: " + e.reason(), e);
        }
        ConnectionProfile profile = CliProfiles.chosen(context, spec, null);
        PostgresEndpoint endpoint = CliProfiles.postgres(context, profile);
        SchemaService schema = new SchemaService(endpoint);
        if (statusOnly) {
            printStatus(schema.status());
            return Cli.OK;
        }
        CliProfiles.guard(context, profile, resetData ? "Initialising the schema and resetting the demo data" : "Initialising the schema",
                confirm);
        context.out().println("profile '" + profile.name() + "' (" + endpoint.describe() + ")");
        SchemaStatus after;
        try {
            after = schema.initialize(event -> context.out().println("  " + event.line()));
        } catch (MigrationFailure failure) {
            throw new CliFailure("initialisation stopped at " + failure.getMessage());
        }
        if (resetData) {
            schema.resetDemoData(restock);
            context.out().println("  reset demo data: orders and payments emptied, every product restocked to " + stock);
        }
        context.out().println(after.files().size() + " file(s): " + after.count(FileState.APPLIED) + " applied"
                + (after.count(FileState.BASELINE) > 0 ? ", history adopted at a baseline" : ""));
        return Cli.OK;
    }

    private void printStatus(SchemaStatus status) {
        context.out().println("database: " + switch (status.origin()) {
            case EMPTY -> "no SnowPulse history yet";
            case SEED_PROJECT -> "initialised by the seed project (no history): init adopts it";
            case MANAGED -> "managed by SnowPulse";
        } + "; next: " + status.action());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"FILE", "STATE", "APPLIED", "MS"});
        for (SchemaFile file : status.files()) {
            rows.add(new String[]{file.script() == null ? file.description() : file.script(), file.state().label(),
                    file.appliedAt() == null ? "" : file.appliedAt().toString(),
                    file.executionMillis() == null ? "" : file.executionMillis().toString()});
        }
        TextTable.print(rows, context.out());
    }
}
