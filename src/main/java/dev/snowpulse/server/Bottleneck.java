package dev.snowpulse.server;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which side of a running workload sets its pace, from the run's own sessions over the last few reads and the
 * client process's CPU. The rules, in order (the README says them the same way):
 * <ol>
 * <li>the client process uses {@value #CLIENT_SATURATED_SHARE} or more of the CPUs it may use: the client is saturated;</li>
 * <li>the database runs on this machine and its CPUs are {@value #MACHINE_SATURATED_PERCENT} % busy or more: client
 * and database share a saturated machine;</li>
 * <li>through a transaction-mode pooler whose console the role may read, clients wait in it for a server connection
 * (on average one or more over the judged reads): the pool is saturated;</li>
 * <li>through a transaction-mode pooler whose console cannot be read, the run has fewer server connections than
 * workers and the client has more
 * than {@value #POOL_QUEUE_FACTOR} times as many orders under way as there are connections (Little's law: orders a
 * second times their mean latency): the rest wait in the pooler, the pool is saturated;</li>
 * <li>more than half of the run's session samples are idle between statements: the database waits on the client
 * (round trips, or the client's own pacing);</li>
 * <li>otherwise the largest of I/O waits, lock waits and running on CPU among the working samples names it.</li>
 * </ol>
 */
public record Bottleneck(Cause cause, String text) {

    public enum Cause { NO_SESSIONS, CLIENT_SATURATED, MACHINE_SATURATED, POOL_SATURATED, CLIENT, IO, LOCKS, CPU }

    /**
     * How the run reaches the database: through a transaction-mode pooler or not, with how many workers, and how many
     * of its orders are under way at a time as the client measures them (0 unknown).
     */
    public record Route(boolean transactionPooled, int workers, double ordersInFlight, double clientsWaiting) {
        /** Without the pooler's own count of clients waiting for a server connection (its console is not readable). */
        public Route(boolean transactionPooled, int workers, double ordersInFlight) {
            this(transactionPooled, workers, ordersInFlight, -1);
        }

        public static Route direct(int workers) {
            return new Route(false, workers, 0);
        }
    }

    static final double CLIENT_SATURATED_SHARE = 0.8;
    static final double MACHINE_SATURATED_PERCENT = 90;
    static final double POOL_QUEUE_FACTOR = 1.5;

    /**
     * The client's side of the CPU over the judged reads: the process in percent of one core (-1 unknown), the cores
     * it may use, and the whole machine's CPUs busy in percent of all of them, when the database runs on this
     * machine (-1 when it runs elsewhere or it is unknown).
     */
    public record ClientCpu(double processPercent, int cores, double machinePercent) {
    }

    /** {@code runSessions}: the run's sessions in each of the recent reads, oldest first; the run connects directly. */
    public static Bottleneck judge(List<List<BackendSession>> runSessions, ClientCpu machine) {
        return judge(runSessions, machine, Route.direct(0));
    }

    /** The same for a run that may go through a pooler, whose server connections are the sessions seen. */
    public static Bottleneck judge(List<List<BackendSession>> runSessions, ClientCpu machine, Route route) {
        double clientCpuPercent = machine.processPercent();
        int cores = machine.cores();
        String cpu = clientCpuPercent < 0 ? "an unknown share of" : String.format(Locale.ROOT, "%.0f %%", clientCpuPercent);
        if (clientCpuPercent >= CLIENT_SATURATED_SHARE * 100 * cores) {
            return new Bottleneck(Cause.CLIENT_SATURATED, "client saturated (SnowPulse process at " + cpu + " CPU of "
                    + cores + " × 100 %)");
        }
        if (machine.machinePercent() >= MACHINE_SATURATED_PERCENT) {
            return new Bottleneck(Cause.MACHINE_SATURATED, String.format(Locale.ROOT, "machine saturated: the database runs "
                    + "here and the CPUs are %.0f %% busy (SnowPulse process at %s CPU of %d × 100 %%)", machine.machinePercent(), cpu, cores));
        }
        Map<WaitClass, Integer> counts = new EnumMap<>(WaitClass.class);
        Map<WaitClass, Map<String, Integer>> waits = new EnumMap<>(WaitClass.class);
        int samples = 0;
        for (List<BackendSession> read : runSessions) {
            for (BackendSession s : read) {
                WaitClass c = WaitClass.of(s);
                counts.merge(c, 1, Integer::sum);
                waits.computeIfAbsent(c, k -> new java.util.HashMap<>()).merge(s.waitText(), 1, Integer::sum);
                samples++;
            }
        }
        if (samples == 0) {
            return new Bottleneck(Cause.NO_SESSIONS, "no session of this run on the server yet");
        }
        int client = counts.getOrDefault(WaitClass.CLIENT, 0);
        double connections = (double) samples / runSessions.size();
        // the pooler's console counts its queue where the role may read it (SHOW POOLS)
        if (route.transactionPooled() && route.clientsWaiting() >= 1) {
            return new Bottleneck(Cause.POOL_SATURATED, String.format(Locale.ROOT, "pool saturated: %.0f clients waiting in "
                    + "PgBouncer for one of %.0f server connections (a larger pool, or fewer workers)", route.clientsWaiting(), connections));
        }
        // the server cannot see a pooler's queue; the client's own latency holds the time orders spend in it
        if (route.transactionPooled() && route.clientsWaiting() < 0 && connections < route.workers()
                && route.ordersInFlight() > POOL_QUEUE_FACTOR * connections) {
            return new Bottleneck(Cause.POOL_SATURATED, String.format(Locale.ROOT, "pool saturated: %.0f orders under way for "
                    + "%.0f server connections, the rest wait in the pooler (a larger pool, or fewer workers)",
                    route.ordersInFlight(), connections));
        }
        if (client * 2 > samples) {
            return new Bottleneck(Cause.CLIENT, "database waiting on the client: " + percent(client, samples)
                    + " of the run's sessions idle between statements (round trips or pacing; SnowPulse at " + cpu + " CPU)");
        }
        int io = counts.getOrDefault(WaitClass.IO, 0);
        int locks = counts.getOrDefault(WaitClass.LOCKS, 0);
        int onCpu = counts.getOrDefault(WaitClass.CPU, 0);
        if (locks >= io && locks >= onCpu && locks > 0) {
            return new Bottleneck(Cause.LOCKS, "database waiting on locks: " + percent(locks, samples) + " of the run's sessions"
                    + topWait(waits.get(WaitClass.LOCKS)));
        }
        if (io >= onCpu && io > 0) {
            return new Bottleneck(Cause.IO, "database waiting on I/O: " + percent(io, samples) + " of the run's sessions"
                    + topWait(waits.get(WaitClass.IO)));
        }
        return new Bottleneck(Cause.CPU, "database on CPU: " + percent(onCpu, samples) + " of the run's sessions running, "
                + "none mostly waiting");
    }

    /** ", mostly IO: WALSync": the most frequent wait of a class (ties by name), or nothing when none is named. */
    private static String topWait(Map<String, Integer> waits) {
        return waits == null ? "" : waits.entrySet().stream().filter(e -> !e.getKey().isEmpty())
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey, java.util.Comparator.reverseOrder()))
                .map(e -> ", mostly " + e.getKey()).orElse("");
    }

    private static String percent(int part, int whole) {
        return String.format(Locale.ROOT, "%.0f %%", 100.0 * part / whole);
    }
}
