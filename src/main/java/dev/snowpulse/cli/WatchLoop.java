package dev.snowpulse.cli;

import dev.snowpulse.format.Plural;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What `kpis --watch` and `top` share: a refresh every interval (from the previous one's start, so the pace holds)
 * until Ctrl+C or a count. A failed refresh is said on stderr and the next one tries again; exit 1 when none worked.
 */
final class WatchLoop {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    interface Refresh {
        /** Refresh number {@code n} (from 1). */
        void run(int n) throws java.sql.SQLException, java.io.IOException;
    }

    private WatchLoop() {
    }

    static int run(CliContext context, long everySeconds, Integer count, String what, Refresh refresh) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        int succeeded = 0;
        int failed = 0;
        try (CtrlC ignored = CtrlC.cancels(stop::countDown)) {
            long every = TimeUnit.SECONDS.toNanos(everySeconds);
            long next = System.nanoTime();
            for (int n = 1; count == null || n <= count; n++) {
                if (n > 1 && stop.await(Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
                next += every;
                try {
                    refresh.run(n);
                    succeeded++;
                } catch (java.sql.SQLException e) {
                    // a watch outlives a database that goes away: say so and try again at the next refresh
                    failed++;
                    boolean last = count != null && n == count;
                    context.err().println(CLOCK.format(Instant.now()) + " refresh failed" + (last ? "" : ", retrying in " + everySeconds + " s")
                            + ": " + CliProfiles.databaseFailure(what, e).getMessage());
                    context.err().flush();
                }
                context.out().flush();
            }
        }
        if (succeeded == 0 && failed > 0) {
            throw new CliFailure("no refresh succeeded (" + Plural.of(failed, "attempt") + ")");
        }
        return Cli.OK;
    }
}
