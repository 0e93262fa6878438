package dev.snowpulse.ui.common;

import javafx.concurrent.Task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** {@link Background} on javafx.concurrent Tasks: work on virtual threads, callbacks on the FX thread. */
public final class FxBackground implements Background, AutoCloseable {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(FxBackground.class.getName());

    private final java.util.Map<String, String> lastFailure = new java.util.concurrent.ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("snowpulse-bg-", 0).factory());

    @Override
    public <T> BackgroundJob run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        BackgroundJob job = new BackgroundJob();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            lastFailure.remove(name);
            try {
                onSuccess.accept(task.getValue());
            } finally {
                job.finish();
            }
        });
        task.setOnFailed(e -> {
            logOnce(name, task.getException());
            try {
                onFailure.accept(task.getException());
            } finally {
                job.finish();
            }
        });
        task.setOnCancelled(e -> job.finish());
        job.cancelWith(() -> task.cancel(true));
        executor.execute(task);
        return job;
    }

    /**
     * Into the log file (INFO: the tab already shows it, the terminal needs no stack trace), once per failure: a
     * refresh that fails every five seconds the same way is written when it starts failing, not each time.
     */
    private void logOnce(String name, Throwable failure) {
        String line = Failures.firstLine(failure);
        if (!line.equals(lastFailure.put(name, line))) {
            // most failures already say what could not be done ("could not list the tasks: ...")
            String said = line.regionMatches(true, 0, "could not", 0, 9) ? line : "could not " + name + ": " + line;
            LOG.log(java.util.logging.Level.INFO, said, failure);
        }
    }

    @Override
    public void onUi(Runnable update) {
        javafx.application.Platform.runLater(update);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
