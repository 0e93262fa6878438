package dev.snowpulse.workload;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Takes a point of the run every second of its clock, on a thread of its own, whoever else samples the run: what
 * {@code workload compare} overlays after the run, even after a restart, once it is stored with the run.
 */
final class RunSeries {

    private final WorkloadStats stats;
    private final long startNanos;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<SecondPoint> points = new ArrayList<>();
    private final Thread thread;
    private long lastOk;
    private long lastFailed;

    RunSeries(WorkloadStats stats, long startNanos) {
        this.stats = stats;
        this.startNanos = startNanos;
        // not "workload-N": those are the workers, whose priority the app lowers
        this.thread = Thread.ofPlatform().name("run-series").daemon().unstarted(this::sampleEverySecond);
    }

    void start() {
        thread.start();
    }

    private void sampleEverySecond() {
        try {
            for (int second = 1; ; second++) {
                long wait = startNanos + TimeUnit.SECONDS.toNanos(second) - System.nanoTime();
                if (wait > 0 && stopped.await(wait, TimeUnit.NANOSECONDS)) {
                    return;
                }
                point(second);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void point(int second) {
        OutcomeCounts counts = stats.counts();
        Histogram latencies = stats.drainSecond();
        long ok = counts.ok() - lastOk;
        long failed = counts.failures() - lastFailed;
        lastOk = counts.ok();
        lastFailed = counts.failures();
        boolean measured = latencies.getTotalCount() > 0;
        points.add(new SecondPoint(second, ok, failed, measured ? latencies.getValueAtPercentile(50) / 1000.0 : null,
                measured ? latencies.getValueAtPercentile(95) / 1000.0 : null, measured ? latencies.getValueAtPercentile(99) / 1000.0 : null));
    }

    /** Stops after the last worker: what ended since the last whole second is one more point, at the next second. */
    List<SecondPoint> finish() throws InterruptedException {
        stopped.countDown();
        thread.join();
        synchronized (this) {
            OutcomeCounts counts = stats.counts();
            if (counts.ok() > lastOk || counts.failures() > lastFailed) {
                point(points.isEmpty() ? 1 : points.getLast().second() + 1);
            }
            return List.copyOf(points);
        }
    }
}
