package dev.snowpulse.server;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bottleneck rules, on sessions as pg_stat_activity describes them. */
class BottleneckTest {

    private static BackendSession session(String state, String waitType, String wait, String lockMode) {
        return new BackendSession(100, "snowpulse-workload-1", "shop", "127.0.0.1", state, waitType, wait, Instant.EPOCH,
                null, null, null, "select place_order($1, $2, $3)", List.of(), lockMode, lockMode == null ? null : "transactionid",
                null, true);
    }

    private static List<List<BackendSession>> reads(int count, BackendSession... each) {
        List<List<BackendSession>> reads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            reads.add(List.of(each));
        }
        return reads;
    }

    private static final BackendSession ON_CPU = session("active", null, null, null);
    private static final BackendSession WAL_SYNC = session("active", "IO", "WALSync", null);
    private static final BackendSession WAL_WRITE_LOCK = session("active", "LWLock", "WALWrite", null);
    private static final BackendSession ROW_LOCK = session("active", "Lock", "transactionid", "ShareLock");
    private static final BackendSession IDLE = session("idle", "Client", "ClientRead", null);

    private static Bottleneck.ClientCpu cpu(double processPercent) {
        return new Bottleneck.ClientCpu(processPercent, 2, -1);
    }

    @Test
    void aSaturatedMachineSharedWithTheDatabaseComesNext() {
        Bottleneck verdict = Bottleneck.judge(reads(5, IDLE, IDLE, ON_CPU), new Bottleneck.ClientCpu(60, 2, 97));
        assertThat(verdict.cause()).isEqualTo(Bottleneck.Cause.MACHINE_SATURATED);
        assertThat(verdict.text()).isEqualTo("machine saturated: the database runs here and the CPUs are 97 % busy "
                + "(SnowPulse process at 60 % CPU of 2 × 100 %)");
        assertThat(Bottleneck.judge(reads(5, IDLE, IDLE, ON_CPU), new Bottleneck.ClientCpu(60, 2, 89)).cause())
                .isEqualTo(Bottleneck.Cause.CLIENT);
    }

    @Test
    void aBusyClientProcessComesFirst() {
        Bottleneck verdict = Bottleneck.judge(reads(5, ROW_LOCK, ROW_LOCK), cpu(170));
        assertThat(verdict.cause()).isEqualTo(Bottleneck.Cause.CLIENT_SATURATED);
        assertThat(verdict.text()).isEqualTo("client saturated (SnowPulse process at 170 % CPU of 2 × 100 %)");
        assertThat(Bottleneck.judge(reads(5, ROW_LOCK, ROW_LOCK), cpu(150)).cause()).as("below 80 % of the cores")
                .isEqualTo(Bottleneck.Cause.LOCKS);
    }

    @Test
    void sessionsMostlyIdleBetweenStatementsMeanTheDatabaseWaitsOnTheClient() {
        Bottleneck verdict = Bottleneck.judge(reads(5, IDLE, IDLE, ON_CPU), cpu(35));
        assertThat(verdict.cause()).isEqualTo(Bottleneck.Cause.CLIENT);
        assertThat(verdict.text()).startsWith("database waiting on the client: 67 % of the run's sessions idle").contains("SnowPulse at 35 % CPU");
        assertThat(Bottleneck.judge(reads(5, IDLE, ON_CPU), cpu(35)).cause()).as("half is not more than half").isEqualTo(Bottleneck.Cause.CPU);
    }

    @Test
    void theLargestWaitAmongWorkingSessionsNamesIt() {
        assertThat(Bottleneck.judge(reads(5, WAL_SYNC, WAL_SYNC, WAL_WRITE_LOCK, ON_CPU), cpu(10)).text())
                .isEqualTo("database waiting on I/O: 75 % of the run's sessions, mostly IO: WALSync");
        assertThat(Bottleneck.judge(reads(5, ROW_LOCK, ROW_LOCK, ON_CPU), cpu(10)).text())
                .isEqualTo("database waiting on locks: 67 % of the run's sessions, mostly Lock: transactionid");
        assertThat(Bottleneck.judge(reads(5, ON_CPU, ON_CPU, WAL_SYNC), cpu(10)).text())
                .isEqualTo("database on CPU: 67 % of the run's sessions running, none mostly waiting");
    }

    @Test
    void anotherRolesLockWaitCountsFromPgLocksAlone() {
        // what an ordinary role sees of another role's waiting session: no state, no wait event, a lock not granted
        BackendSession hidden = session(null, null, null, "ShareLock");
        assertThat(Bottleneck.judge(reads(3, hidden, hidden, ON_CPU), cpu(10)).cause()).isEqualTo(Bottleneck.Cause.LOCKS);
    }

    @Test
    void workersQueuedForAFewServerConnectionsAreASaturatedPool() {
        // as seen through PgBouncer with 4 server connections and 16 workers: the connections idle half the time between
        // one client's transaction and the next (the pooler's relay), while 15 orders are under way at a time
        Bottleneck verdict = Bottleneck.judge(reads(5, WAL_SYNC, IDLE, ON_CPU, IDLE), cpu(30), new Bottleneck.Route(true, 16, 15.2));
        assertThat(verdict.cause()).isEqualTo(Bottleneck.Cause.POOL_SATURATED);
        assertThat(verdict.text()).isEqualTo("pool saturated: 15 orders under way for 4 server connections, "
                + "the rest wait in the pooler (a larger pool, or fewer workers)");
        assertThat(Bottleneck.judge(reads(5, ON_CPU, IDLE, ON_CPU, ON_CPU), cpu(30), new Bottleneck.Route(true, 16, 4.5)).cause())
                .as("no more orders under way than the connections hold").isEqualTo(Bottleneck.Cause.CPU);
        assertThat(Bottleneck.judge(reads(5, ON_CPU, ON_CPU), cpu(30), new Bottleneck.Route(false, 16, 15)).cause()).as("no pooler")
                .isEqualTo(Bottleneck.Cause.CPU);
    }

    @Test
    void thePoolersOwnCountOfWaitingClientsComesBeforeTheClientsEstimate() {
        assertThat(Bottleneck.judge(reads(5, ON_CPU, IDLE, ON_CPU, IDLE), cpu(30), new Bottleneck.Route(true, 16, 4.5, 11.6)).text())
                .isEqualTo("pool saturated: 12 clients waiting in PgBouncer for one of 4 server connections (a larger pool, or fewer workers)");
        assertThat(Bottleneck.judge(reads(5, ON_CPU, IDLE, ON_CPU, ON_CPU), cpu(30), new Bottleneck.Route(true, 16, 15.2, 0.2)).cause())
                .as("the console says hardly anyone waits, whatever the client's latency suggests").isEqualTo(Bottleneck.Cause.CPU);
    }

    @Test
    void noSessionYetSaysSo() {
        assertThat(Bottleneck.judge(reads(2), cpu(5)).text()).isEqualTo("no session of this run on the server yet");
        assertThat(Bottleneck.judge(reads(2, IDLE), cpu(-1)).text()).contains("SnowPulse at an unknown share of CPU");
    }
}
