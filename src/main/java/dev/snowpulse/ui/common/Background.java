package dev.snowpulse.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work off the FX thread and hands the result back on it. ViewModels take one of these, so they never
 * touch a database themselves and can be tested with an executor that runs inline.
 */
public interface Background {

    /** Starts {@code work}; {@code onSuccess} or {@code onFailure} runs on the UI thread with its outcome. */
    <T> BackgroundJob run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs a small update on the UI thread, from work in progress (a log line, not a per-order event). */
    void onUi(Runnable update);
}
