package dev.snowpulse.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl+C during a long command: stop taking new work, and keep the JVM alive until the command has printed its
 * summary. Use in try-with-resources around the wait for the work to end.
 */
final class CtrlC implements AutoCloseable {

    private final CountDownLatch summaryPrinted = new CountDownLatch(1);
    private final Thread hook;

    private CtrlC(Runnable cancel) {
        hook = new Thread(() -> {
            cancel.run();
            try {
                summaryPrinted.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static CtrlC cancels(Runnable cancel) {
        return new CtrlC(cancel);
    }

    @Override
    public void close() {
        summaryPrinted.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl+C: the hook is running and has just been released
        }
    }
}
