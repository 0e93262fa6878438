package dev.snowpulse.ui.common;

import javafx.concurrent.Task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** {@link Background} on javafx.concurrent Tasks: work on virtual threads, callbacks on the FX thread. */
public final class FxBackground implements Background, AutoCloseable {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(FxBackground.class.getName());

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("snowpulse-bg-", 0).factory());

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> {
            LOG.log(java.util.logging.Level.WARNING, "could not " + name + ": " + Failures.firstLine(task.getException()), task.getException());
            onFailure.accept(task.getException());
        });
        executor.execute(task);
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
