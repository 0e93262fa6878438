package dev.snowpulse.workload;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.schema.SchemaService;
import dev.snowpulse.testing.Await;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContinuousIngestTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    private static PostgresEndpoint db;

    @BeforeAll
    static void schema() throws Exception {
        db = pg.initialisedEndpoint();
    }

    @BeforeEach
    void restock() throws SQLException {
        new SchemaService(db).resetDemoData(new dev.snowpulse.schema.Restock(1_000_000));
    }

    private static long orders() throws SQLException {
        return Long.parseLong(Sql.single(db, "select count(*) from orders"));
    }

    @Test
    void placesABatchEveryIntervalAndStopsAfterItsBatches() throws Exception {
        List<IngestBatch> batches = new CopyOnWriteArrayList<>();
        ContinuousIngest ingest = ContinuousIngest.start(db, new IngestSpec(Duration.ofMillis(100), 5, 10, 10, 1, 1, 4), batches::add);

        OutcomeCounts total = ingest.await();

        assertThat(batches).extracting(IngestBatch::number).containsExactly(1L, 2L, 3L, 4L);
        assertThat(batches).allMatch(b -> b.counts().ok() == 5 && !b.skipped());
        assertThat(total.ok()).isEqualTo(20);
        assertThat(orders()).isEqualTo(20);
        assertThat(Duration.between(batches.getFirst().startedAt(), batches.getLast().startedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    @Test
    void outlivesALostConnectionCountingTheOrderInFlightOnce() throws Exception {
        List<IngestBatch> batches = new CopyOnWriteArrayList<>();
        ContinuousIngest ingest = ContinuousIngest.start(db, new IngestSpec(Duration.ofMillis(50), 5, 10, 10, 1, 1, null), batches::add);
        Await.until(Duration.ofSeconds(20), "two batches", () -> batches.size() >= 2);

        Sql.execute(db, "select pg_terminate_backend(pid) from pg_stat_activity where application_name = '" + ingest.applicationName() + "'");
        int afterKill = batches.size();
        Await.until(Duration.ofSeconds(20), "three more batches", () -> batches.size() >= afterKill + 3);
        ingest.cancel();
        OutcomeCounts total = ingest.await();

        assertThat(total.connectionLost()).isLessThanOrEqualTo(1);
        assertThat(batches).as("every order of every batch ends in one outcome").allMatch(b -> b.counts().total() == 5);
        assertThat(total.total()).isEqualTo(5L * batches.size());
        assertThat(batches.getLast().counts().ok()).isEqualTo(5);
        assertThat(orders()).isEqualTo(total.ok());
    }

    @Test
    void aBatchThatCannotConnectCountsItsOrdersAsNotSentAndSaysWhatToCheck() throws Exception {
        PostgresSettings s = pg.settings();
        PostgresEndpoint nobody = TestPostgres.endpoint(new PostgresSettings(s.host(), s.port(), s.database(), "no_such_role_here",
                s.sslMode(), s.sslRootCert(), s.applicationName(), s.password()));
        List<IngestBatch> batches = new CopyOnWriteArrayList<>();
        ContinuousIngest ingest = ContinuousIngest.start(nobody, new IngestSpec(Duration.ofMillis(20), 5, 10, 10, 1, 1, 3), batches::add);

        OutcomeCounts total = ingest.await();

        assertThat(batches).hasSize(3).allMatch(IngestBatch::skipped).allMatch(b -> b.counts().notSent() == 5);
        assertThat(batches.getFirst().skippedBecause()).contains("refused user 'no_such_role_here'").contains("check the user");
        assertThat(total.notSent()).isEqualTo(15);
        assertThat(total.total()).isEqualTo(15);
    }

    @Test
    void refusesABadSpecNamingTheField() {
        assertThatThrownBy(() -> new IngestSpec(Duration.ofMillis(1), 10, 10, 10, 1, 1, null)).hasMessage("interval: must be from 10 ms to 24 h");
        assertThatThrownBy(() -> new IngestSpec(Duration.ofSeconds(20), 0, 10, 10, 1, 1, null)).hasMessage("batch size: 0 is outside 1..100000");
    }
}
