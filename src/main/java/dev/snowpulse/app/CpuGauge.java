package dev.snowpulse.app;

/** What the bottleneck line reads of the client machine's CPU; {@link ProcessCpu} reads the JVM's counters. */
public interface CpuGauge {

    /** This process's CPU since the previous call, in percent of one core; -1 when unknown. */
    double percentSinceLast();

    /** The whole machine's CPUs busy recently, in percent of all of them; -1 when unknown. */
    double machinePercent();

    /** The cores this process may use. */
    int cores();
}
