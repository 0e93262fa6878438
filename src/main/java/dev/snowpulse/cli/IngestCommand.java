package dev.snowpulse.cli;

import dev.snowpulse.format.Durations;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.workload.ContinuousIngest;
import dev.snowpulse.workload.IngestBatch;
import dev.snowpulse.workload.IngestSpec;
import dev.snowpulse.workload.Outcome;
import dev.snowpulse.workload.NothingSucceeded;
import dev.snowpulse.workload.OutcomeCounts;
import dev.snowpulse.format.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Place a batch of orders every interval until Ctrl+C, like the seed's continuous_ingest.",
                "Keeps the KPIs moving and outlives a database restart: a batch that cannot connect is skipped (its orders",
                "counted as not sent) and the next one retries. Exit 1 when no order succeeded."})
final class IngestCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--interval-seconds", description = "Seconds between batches (default: 20)")
    Integer intervalSeconds;

    @Option(names = "--interval", description = "Time between batches as a duration, e.g. 500ms, 20s (instead of --interval-seconds)")
    String interval;

    @Option(names = "--batch-size", defaultValue = "10", description = "Orders per batch (default: ${DEFAULT-VALUE})")
    int batchSize;

    @picocli.CommandLine.Mixin
    OrderChoiceOptions orders = new OrderChoiceOptions();

    @Option(names = "--batches", description = "Stop after this many batches (default: run until Ctrl+C)")
    Integer batches;

    @Option(names = "--confirm", paramLabel = "NAME", description = "The profile's name, to confirm ingesting into a prod profile")
    String confirm;

    IngestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (interval != null && intervalSeconds != null) {
            throw new IllegalArgumentException("--interval and --interval-seconds: give one of them");
        }
        Duration every = interval != null ? Durations.parse(interval, "--interval")
                : Duration.ofSeconds(intervalSeconds == null ? 20 : intervalSeconds);
        IngestSpec ingestSpec = new IngestSpec(every, batchSize, orders.maxCustomers, orders.maxProducts, orders.minQuantity,
                orders.maxQuantity, batches);
        ConnectionProfile profile = CliProfiles.chosen(context, spec, null);
        PostgresEndpoint endpoint = CliProfiles.postgres(context, profile);
        CliProfiles.guard(context, profile, "Ingesting orders", confirm);
        PrintWriter out = context.out();
        ContinuousIngest ingest = ContinuousIngest.prepare(endpoint, ingestSpec, batch -> {
            synchronized (out) {
                out.println(line(batch));
                out.flush();
            }
        });
        out.printf(Locale.ROOT, "ingesting into '%s' (%s): %d orders every %s%s; session: %s%n", profile.name(), endpoint.describe(),
                batchSize, Durations.format(every), batches == null ? " until Ctrl+C" : ", " + Plural.of(batches, "batch"), ingest.applicationName());
        out.flush();
        ingest.begin();
        try (CtrlC ignored = CtrlC.cancels(ingest::cancel)) {
            OutcomeCounts total = ingest.await();
            out.printf(Locale.ROOT, "stopped: %d ok, %d failed%s%n", total.ok(), total.failures(), causes(total));
            out.flush();
            if (ingest.failure().isPresent()) {
                throw new CliFailure("the ingest failed: " + ingest.failure().get());
            }
            if (total.ok() == 0 && total.total() > 0) {
                throw new CliFailure("no order succeeded: " + NothingSucceeded.reason(total));
            }
            return Cli.OK;
        }
    }

    private static String line(IngestBatch batch) {
        if (batch.skipped()) {
            return String.format(Locale.ROOT, "batch %d at %s: skipped, %s", batch.number(), TIME.format(batch.startedAt()),
                    batch.skippedBecause());
        }
        OutcomeCounts c = batch.counts();
        return String.format(Locale.ROOT, "batch %d at %s: %d ok, %d failed%s in %d ms", batch.number(), TIME.format(batch.startedAt()),
                c.ok(), c.failures(), causes(c), batch.took().toMillis());
    }

    private static String causes(OutcomeCounts c) {
        StringBuilder text = new StringBuilder();
        for (Outcome o : Outcome.values()) {
            if (o != Outcome.OK && c.of(o) > 0) {
                text.append(text.isEmpty() ? " (" : ", ").append(o.label()).append(' ').append(c.of(o));
            }
        }
        return text.isEmpty() ? "" : text.append(')').toString();
    }
}
