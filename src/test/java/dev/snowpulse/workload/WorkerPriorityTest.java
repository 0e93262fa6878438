package dev.snowpulse.workload;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.testing.Await;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The desktop app's workers run below its window; the CLI's at normal priority. Read back from the kernel. */
@EnabledOnOs(OS.LINUX)
class WorkerPriorityTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    private static PostgresEndpoint db;

    @BeforeAll
    static void schema() throws Exception {
        db = pg.initialisedEndpoint();
    }

    /** The nice values of this process's threads named workload-N (field 19 of /proc/self/task/TID/stat). */
    private static List<Integer> workerNices() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> read(t.resolve("comm")).strip().startsWith("workload-"))
                    .map(t -> {
                        String stat = read(t.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        return Integer.parseInt(fields[16]); // state is field 3, nice field 19
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return ""; // the thread ended meanwhile
        }
    }

    private static List<Integer> nicesWhileRunning(WorkerPriority priority, int expected) throws Exception {
        WorkloadRun run = WorkloadRun.start(db, new WorkloadSpec(3, null, Duration.ofSeconds(30), 10, 10, 1, 1, 50.0, Duration.ZERO), priority);
        try {
            Await.until(Duration.ofSeconds(10), "three workers at nice " + expected, () -> {
                List<Integer> nices = workerNices();
                return nices.size() == 3 && nices.stream().allMatch(n -> n == expected);
            });
            return workerNices();
        } finally {
            run.cancel();
            run.await();
        }
    }

    @Test
    void theWindowsWorkersRunAtNiceTenAndTheClisAtZero() throws Exception {
        assertThat(nicesWhileRunning(WorkerPriority.BELOW_WINDOW, 10)).containsExactly(10, 10, 10);
        assertThat(nicesWhileRunning(WorkerPriority.NORMAL, 0)).containsExactly(0, 0, 0);
    }
}
