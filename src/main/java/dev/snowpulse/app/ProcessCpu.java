package dev.snowpulse.app;

import java.lang.management.ManagementFactory;

/**
 * This process's CPU use between two calls, in percent of one core (200 % is two cores busy), as top shows it.
 * The JVM's own counter of the process's CPU time; -1 where the platform does not give it.
 */
public final class ProcessCpu implements CpuGauge {

    private final com.sun.management.OperatingSystemMXBean os;
    private long lastCpuNanos;
    private long lastWallNanos;

    public ProcessCpu() {
        this.os = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean sun ? sun : null;
        lastCpuNanos = cpuNanos();
        lastWallNanos = System.nanoTime();
    }

    @Override
    public int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public double machinePercent() {
        double load = os == null ? -1 : os.getCpuLoad();
        return load < 0 ? -1 : 100 * load;
    }

    /** Since the previous call, or since this was made. */
    @Override
    public synchronized double percentSinceLast() {
        long cpu = cpuNanos();
        long wall = System.nanoTime();
        double percent = cpu < 0 || lastCpuNanos < 0 || wall == lastWallNanos ? -1
                : 100.0 * (cpu - lastCpuNanos) / (wall - lastWallNanos);
        lastCpuNanos = cpu;
        lastWallNanos = wall;
        return percent;
    }

    private long cpuNanos() {
        return os == null ? -1 : os.getProcessCpuTime();
    }
}
