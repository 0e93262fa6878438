package dev.snowpulse.workload;

/** How the threads that load the database are scheduled beside the rest of the process. */
public enum WorkerPriority {

    /** As any thread: the CLI, where nothing else of SnowPulse's needs the CPU. */
    NORMAL,

    /**
     * Below the window's threads (Linux: nice +10, see {@link BackgroundPriority}): the desktop app, whose own load
     * must not outbid the thread that draws it. Throughput is the same where the database is elsewhere or busier.
     */
    BELOW_WINDOW;

    /** Called by each worker thread as it starts. */
    void applyToCurrentThread() {
        if (this == BELOW_WINDOW) {
            BackgroundPriority.lowerCurrentThread();
        }
    }
}
