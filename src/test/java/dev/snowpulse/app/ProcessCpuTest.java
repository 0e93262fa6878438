package dev.snowpulse.app;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The process CPU gauge on this JVM's own counters. */
class ProcessCpuTest {

    @Test
    void workDoneBetweenTwoCallsShowsAsCpu() {
        ProcessCpu cpu = new ProcessCpu();
        var threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long spins = 0;
        // spin until this thread has used 50 ms of CPU, however long that takes on a busy machine
        while (threads.getCurrentThreadCpuTime() - start < 50_000_000L) {
            spins++;
        }
        assertThat(spins).isPositive();
        assertThat(cpu.percentSinceLast()).isGreaterThan(0);
        assertThat(cpu.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(cpu.machinePercent()).isBetween(-1.0, 100.0);
    }
}
