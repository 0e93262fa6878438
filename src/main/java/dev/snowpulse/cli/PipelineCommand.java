package dev.snowpulse.cli;

import dev.snowpulse.format.Durations;
import dev.snowpulse.format.ReportFormat;
import dev.snowpulse.format.ReportTable;
import dev.snowpulse.pipeline.deploy.DeployListener;
import dev.snowpulse.pipeline.deploy.DeployReport;
import dev.snowpulse.pipeline.EventCounts;
import dev.snowpulse.pipeline.task.HistoryQuery;
import dev.snowpulse.pipeline.PipelineException;
import dev.snowpulse.pipeline.PipelineGateway;
import dev.snowpulse.pipeline.PipelineGateways;
import dev.snowpulse.pipeline.PipelineReports;
import dev.snowpulse.pipeline.reference.ReferenceChange;
import dev.snowpulse.pipeline.reference.ReferenceRow;
import dev.snowpulse.pipeline.reference.ReferenceTable;
import dev.snowpulse.pipeline.deploy.SqlStatement;
import dev.snowpulse.pipeline.deploy.DeployPlan;
import dev.snowpulse.profile.ConnectionProfile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"The retail pipeline (seed 001): deploy, start, stop, generate, and browse its tasks and audit.",
                "In Snowflake on a Snowflake profile, on PostgreSQL on a Postgres profile: tasks, history, streams, reference",
                "configuration and the generation audit."})
final class PipelineCommand {

    /** Options every pipeline command takes. */
    static final class Target {
        @Option(names = "--database", paramLabel = "NAME",
                description = "The pipeline's database (default: the profile's database, else RETAIL_STREAMING_DEMO)")
        String database;

        @Option(names = "--timeout", defaultValue = "30s", description = "Login and network timeout (default: ${DEFAULT-VALUE})")
        String timeout;

        @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
        String format;
    }

    private final CliContext context;

    @Spec
    CommandSpec spec;

    PipelineCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true,
            description = {"Create or update every object of the pipeline, after printing the plan: what it adds and replaces.",
                    "Tables, columns and rows are never dropped, so data and reference edits are kept; a database that",
                    "seed 001's SETUP_SNOWFLAKE.sql built keeps every object it has."})
    int deploy(@Mixin Target target,
               @Option(names = "--plan", description = "Print what the deploy would change, and change nothing") boolean planOnly,
               @Option(names = "--schedule", description = "The root task's schedule, e.g. '30 MINUTES' or "
                       + "'USING CRON 0,30 * * * * UTC' (the default, the seed's)") String schedule,
               @Option(names = "--events-per-run", paramLabel = "C,P,M,S", description = "The customer, purchase, marketing and "
                       + "supply-chain events each scheduled run generates (default: 5,10,3,2, the seed's)") String eventsPerRun,
               @Option(names = "--warehouse", description = "Run the tasks on this warehouse (default: the profile's)") String warehouse,
               @Option(names = "--serverless", description = "Run the tasks serverless") boolean serverless,
               @Option(names = "--confirm", paramLabel = "NAME", description = "The profile's name, to confirm on a prod profile") String confirm)
            throws Exception {
        EventCounts perRun = eventsPerRun == null ? null : EventCounts.parse(eventsPerRun);
        ConnectionProfile profile = profile();
        if (!planOnly) {
            CliProfiles.guard(context, profile, "Deploying the pipeline", confirm);
        }
        PrintWriter out = context.out();
        try (PipelineGateway gateway = open(profile, target,
                new PipelineGateways.Overrides(target.database, schedule, warehouse, serverless, perRun))) {
            DeployPlan plan = call(gateway::plan);
            out.println((planOnly ? "plan for " : "deploying to ") + gateway.describe());
            plan.lines().forEach(out::println);
            if (planOnly) {
                return Cli.OK;
            }
            DeployReport report = gateway.deploy(plan, new DeployListener() {
                @Override
                public void finished(int index, int total, SqlStatement statement, Duration took) {
                    out.printf(Locale.ROOT, "[%2d/%d] %-70s %s%n", index + 1, total, statement.summary(), Durations.format(took));
                    out.flush();
                }
            });
            if (!report.ok()) {
                throw new CliFailure(report.describe());
            }
            out.println(report.describe());
        }
        return Cli.OK;
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Resume the task graph (START_PIPELINE).")
    int start(@Mixin Target target, @Option(names = "--confirm", paramLabel = "NAME", description = "The profile's name, to confirm on a prod profile") String confirm) throws Exception {
        return control(target, confirm, "Starting the pipeline", PipelineGateway::start);
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Suspend the task graph (STOP_PIPELINE).")
    int stop(@Mixin Target target, @Option(names = "--confirm", paramLabel = "NAME", description = "The profile's name, to confirm on a prod profile") String confirm) throws Exception {
        return control(target, confirm, "Stopping the pipeline", PipelineGateway::stop);
    }

    private interface Control {
        String run(PipelineGateway gateway) throws PipelineException;
    }

    private int control(Target target, String confirm, String action, Control control) throws Exception {
        ConnectionProfile profile = profile();
        CliProfiles.guard(context, profile, action, confirm);
        try (PipelineGateway gateway = open(profile, target)) {
            context.out().println(call(() -> control.run(gateway)));
        }
        return Cli.OK;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "The pipeline's tasks with state, schedule, last and next run, and the rows per layer.")
    int status(@Mixin Target target) throws Exception {
        try (PipelineGateway gateway = open(profile(), target)) {
            write(target, List.of(PipelineReports.tasks(call(gateway::pipelineTasks)), PipelineReports.summary(call(gateway::summary))));
        }
        return Cli.OK;
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "One generation run now (GENERATE_RETAIL_DATA with the four event counts).")
    int generate(@Mixin Target target,
                 @Option(names = "--customer-events", defaultValue = "20", description = "(default: ${DEFAULT-VALUE})") int customer,
                 @Option(names = "--purchase-events", defaultValue = "50", description = "(default: ${DEFAULT-VALUE})") int purchase,
                 @Option(names = "--marketing-events", defaultValue = "8", description = "(default: ${DEFAULT-VALUE})") int marketing,
                 @Option(names = "--supply-chain-events", defaultValue = "5", description = "(default: ${DEFAULT-VALUE})") int supplyChain,
                 @Option(names = "--confirm", paramLabel = "NAME", description = "The profile's name, to confirm on a prod profile") String confirm) throws Exception {
        EventCounts counts = new EventCounts(customer, purchase, marketing, supplyChain);
        ConnectionProfile profile = profile();
        CliProfiles.guard(context, profile, "Generating pipeline data", confirm);
        try (PipelineGateway gateway = open(profile, target)) {
            context.out().println(call(() -> gateway.generate(counts)));
        }
        return Cli.OK;
    }

    @Command(name = "summary", mixinStandardHelpOptions = true, description = "Rows per table per layer (DATA_SUMMARY).")
    int summary(@Mixin Target target) throws Exception {
        try (PipelineGateway gateway = open(profile(), target)) {
            write(target, List.of(PipelineReports.summary(call(gateway::summary))));
        }
        return Cli.OK;
    }

    @Command(name = "tasks", mixinStandardHelpOptions = true,
            description = {"The tasks of a schema (default: the pipeline's), or act on one: --resume, --suspend, --execute, --retry-last.",
                    "Works for any task graph, e.g. seed 003's integrate_stream_task."})
    int tasks(@Mixin Target target,
              @Option(names = "--schema", paramLabel = "DB.SCHEMA", description = "Default: the pipeline's control schema") String schema,
              @ArgGroup(exclusive = true, multiplicity = "0..1") TaskActionChoice choice,
              @Option(names = "--confirm", paramLabel = "NAME", description = "The profile's name, to confirm on a prod profile") String confirm) throws Exception {
        ConnectionProfile profile = profile();
        try (PipelineGateway gateway = open(profile, target)) {
            String where = schema == null ? gateway.names().controlPath() : schema;
            if (choice != null) {
                String task = choice.task();
                String qualified = task.contains(".") || schema == null ? task : schema + "." + task;
                CliProfiles.guard(context, profile, "Changing task " + qualified, confirm);
                call(() -> {
                    choice.action().apply(gateway, qualified);
                    return null;
                });
                context.out().println("done: " + choice.action().done + qualified);
            }
            write(target, List.of(PipelineReports.tasks(call(() -> gateway.tasks(where)))));
        }
        return Cli.OK;
    }

    /** At most one of the task actions; picocli refuses two. */
    static final class TaskActionChoice {
        @Option(names = "--resume", paramLabel = "TASK", required = true, description = "Resume this task") String resume;
        @Option(names = "--suspend", paramLabel = "TASK", required = true, description = "Suspend this task") String suspend;
        @Option(names = "--execute", paramLabel = "TASK", required = true, description = "Run the task's graph once now") String execute;
        @Option(names = "--retry-last", paramLabel = "TASK", required = true, description = "Rerun the graph's last failed run") String retry;

        TaskAction action() {
            return resume != null ? TaskAction.RESUME : suspend != null ? TaskAction.SUSPEND
                    : execute != null ? TaskAction.EXECUTE : TaskAction.RETRY_LAST;
        }

        String task() {
            return switch (action()) {
                case RESUME -> resume;
                case SUSPEND -> suspend;
                case EXECUTE -> execute;
                case RETRY_LAST -> retry;
            };
        }
    }

    private enum TaskAction {
        RESUME("resumed "), SUSPEND("suspended "), EXECUTE("started a run of the graph of "),
        RETRY_LAST("retried the last run of the graph of ");

        private final String done;

        TaskAction(String done) {
            this.done = done;
        }

        void apply(PipelineGateway gateway, String task) throws PipelineException {
            switch (this) {
                case RESUME -> gateway.resume(task);
                case SUSPEND -> gateway.suspend(task);
                case EXECUTE -> gateway.execute(task);
                case RETRY_LAST -> gateway.retryLast(task);
            }
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "Task runs of the last 7 days, newest first (INFORMATION_SCHEMA.TASK_HISTORY).")
    int history(@Mixin Target target,
                @Option(names = "--schema", paramLabel = "DB.SCHEMA", description = "Default: the pipeline's control schema") String schema,
                @Option(names = "--task", description = "Only this task") String task,
                @Option(names = "--errors-only", description = "Only failed runs") boolean errorsOnly,
                @Option(names = "--limit", defaultValue = "50", description = "(default: ${DEFAULT-VALUE})") int limit) throws Exception {
        HistoryQuery query = new HistoryQuery(task, errorsOnly, limit);
        try (PipelineGateway gateway = open(profile(), target)) {
            String where = schema == null ? gateway.names().controlPath() : schema;
            write(target, List.of(PipelineReports.history(call(() -> gateway.history(where, query)))));
        }
        return Cli.OK;
    }

    @Command(name = "streams", mixinStandardHelpOptions = true, description = "Streams of a schema: has data, stale, stale after.")
    int streams(@Mixin Target target,
                @Option(names = "--schema", paramLabel = "DB.SCHEMA", description = "Default: the pipeline's raw schema") String schema)
            throws Exception {
        try (PipelineGateway gateway = open(profile(), target)) {
            String where = schema == null ? gateway.names().controlPath() : schema;
            write(target, List.of(PipelineReports.streams(call(() -> gateway.streams(where)))));
        }
        return Cli.OK;
    }

    @Command(name = "config", mixinStandardHelpOptions = true,
            description = {"The generator's reference tables, or change values with --set TABLE.KEY.COLUMN=VALUE (repeatable).",
                    "Every change is validated and printed before it is applied; --dry-run only prints."})
    int config(@Mixin Target target,
               @Option(names = "--table", description = "Only this reference table") String table,
               @Option(names = "--set", paramLabel = "TABLE.KEY.COLUMN=VALUE", description = "Change one reference value (repeatable), e.g. CUSTOMER_SEGMENTS.premium.WEIGHT=0.2") List<String> sets,
               @Option(names = "--dry-run", description = "Show the changes without applying them") boolean dryRun,
               @Option(names = "--confirm", paramLabel = "NAME", description = "The profile's name, to confirm on a prod profile") String confirm) throws Exception {
        ReferenceTable only = table == null ? null : ReferenceTable.parse(table);
        ConnectionProfile profile = profile();
        try (PipelineGateway gateway = open(profile, target)) {
            if (sets != null && !sets.isEmpty()) {
                List<ReferenceChange> changes = new ArrayList<>();
                for (String set : sets) {
                    changes.add(change(gateway, set));
                }
                changes.forEach(c -> context.out().println((dryRun ? "would change " : "change ") + c.describe()));
                if (dryRun) {
                    return Cli.OK;
                }
                CliProfiles.guard(context, profile, "Changing the reference configuration", confirm);
                for (ReferenceChange change : changes) {
                    call(() -> { gateway.apply(change); return null; });
                }
                context.out().println("applied " + changes.size() + " change" + (changes.size() == 1 ? "" : "s"));
                if (only == null) {
                    return Cli.OK;
                }
            }
            List<ReportTable> tables = new ArrayList<>();
            for (ReferenceTable t : ReferenceTable.values()) {
                if (only == null || t == only) {
                    tables.add(PipelineReports.reference(t, call(() -> gateway.reference(t))));
                }
            }
            write(target, tables);
        }
        return Cli.OK;
    }

    private ReferenceChange change(PipelineGateway gateway, String set) throws PipelineException {
        int equals = set.indexOf('=');
        String[] path = equals < 0 ? new String[0] : set.substring(0, equals).split("\\.", 3);
        if (path.length != 3) {
            throw new IllegalArgumentException("--set: '" + set + "' is not TABLE.KEY.COLUMN=VALUE, e.g. customer_segments.premium.weight=0.2");
        }
        ReferenceTable table = ReferenceTable.parse(path[0]);
        String column = path[2].toUpperCase(Locale.ROOT);
        table.rule(column);
        ReferenceRow row = call(() -> gateway.reference(table)).stream().filter(r -> r.key().equalsIgnoreCase(path[1])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--set: " + table.name() + " has no row '" + path[1] + "'"));
        return ReferenceChange.of(row, column, set.substring(equals + 1));
    }

    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = "Generation runs, newest first, marking runs whose reference configuration changed (VIEW_GENERATION_AUDIT).")
    int audit(@Mixin Target target, @Option(names = "--limit", defaultValue = "20", description = "(default: ${DEFAULT-VALUE})") int limit)
            throws Exception {
        try (PipelineGateway gateway = open(profile(), target)) {
            write(target, List.of(PipelineReports.auditRuns(call(() -> gateway.auditRuns(limit)))));
        }
        return Cli.OK;
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Two runs' reference data compared row by row: added, removed and changed values.")
    int compare(@Mixin Target target, @Parameters(index = "0", paramLabel = "RUN1") String before,
                @Parameters(index = "1", paramLabel = "RUN2") String after) throws Exception {
        try (PipelineGateway gateway = open(profile(), target)) {
            write(target, List.of(PipelineReports.comparison(call(() -> gateway.compare(before, after)))));
        }
        return Cli.OK;
    }

    @Command(name = "snapshot", mixinStandardHelpOptions = true, description = "The reference data a run used (VIEW_RUN_SNAPSHOT).")
    int snapshot(@Mixin Target target, @Parameters(index = "0", paramLabel = "RUN") String run,
                 @Option(names = "--table", description = "Only this reference table") String table) throws Exception {
        ReferenceTable only = table == null ? null : ReferenceTable.parse(table);
        try (PipelineGateway gateway = open(profile(), target)) {
            write(target, PipelineReports.snapshot(call(() -> gateway.snapshot(run)), only));
        }
        return Cli.OK;
    }

    @Command(name = "scheduler", mixinStandardHelpOptions = true,
            description = {"Run the pipeline's tasks on PostgreSQL when they are due, until Ctrl+C.",
                    "The desktop app does the same while it runs. Several schedulers on one database never run a due graph twice.",
                    "--once runs what is due and exits."})
    int scheduler(@Mixin Target target,
                  @Option(names = "--tick", defaultValue = "5s", description = "How often to look for due tasks (default: ${DEFAULT-VALUE})") String tick,
                  @Option(names = "--once", description = "Run what is due now, then exit") boolean once,
                  @Option(names = "--confirm", paramLabel = "NAME", description = "The profile's name, to confirm on a prod profile") String confirm)
            throws Exception {
        Duration every = Durations.parse(tick, "--tick");
        ConnectionProfile profile = profile();
        if (!(profile.connection() instanceof dev.snowpulse.profile.PostgresSettings)) {
            throw new CliFailure("profile '" + profile.name() + "' is a Snowflake profile: Snowflake runs its own tasks; "
                    + "the scheduler is for the pipeline on PostgreSQL");
        }
        dev.snowpulse.pipeline.PipelineGateways.refuseOtherDatabase(profile, target.database);
        // a due graph writes the pipeline's tables, as Generate does
        CliProfiles.guard(context, profile, "Running the pipeline's due tasks", confirm);
        var endpoint = CliProfiles.postgres(context, profile);
        var names = dev.snowpulse.pipeline.PipelineSettings.forLocal(endpoint.settings().database(), null).names();
        PrintWriter out = context.out();
        try (var scheduler = new dev.snowpulse.pipeline.local.LocalScheduler(endpoint, names)) {
            if (once) {
                var runs = scheduler.runDue();
                runs.forEach(run -> out.println(run.describe()));
                out.println(runs.isEmpty() ? "nothing due" : runs.size() + " graph run" + (runs.size() == 1 ? "" : "s"));
                return Cli.OK;
            }
            out.printf(Locale.ROOT, "scheduling the pipeline on '%s' (%s), checking every %s; Ctrl+C to stop%n",
                    profile.name(), endpoint.describe(), Durations.format(every));
            out.flush();
            java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
            try (CtrlC ignored = CtrlC.cancels(stopped::countDown)) {
                scheduler.start(every, line -> {
                    synchronized (out) {
                        out.println(java.time.LocalTime.now().withNano(0) + " " + line);
                        out.flush();
                    }
                });
                stopped.await();
                scheduler.close();
                out.println("scheduler stopped");
                out.flush();
            }
        }
        return Cli.OK;
    }

    private interface Call<T> {
        T run() throws PipelineException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (PipelineException e) {
            throw new CliFailure(e.getMessage());
        }
    }

    private ConnectionProfile profile() {
        return CliProfiles.chosen(context, spec, null);
    }

    private PipelineGateway open(ConnectionProfile profile, Target target) throws IOException {
        return open(profile, target, new PipelineGateways.Overrides(target.database, null, null, false));
    }

    private PipelineGateway open(ConnectionProfile profile, Target target, PipelineGateways.Overrides overrides) throws IOException {
        ReportFormat.of(target.format);
        Duration timeout = Durations.parse(target.timeout, "--timeout");
        return CliProfiles.pipeline(context, profile, overrides, timeout);
    }

    private void write(Target target, List<ReportTable> tables) throws IOException {
        ReportFormat.of(target.format).write(tables, context.out());
    }
}
