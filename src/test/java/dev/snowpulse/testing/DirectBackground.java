package dev.snowpulse.testing;

import dev.snowpulse.ui.common.Background;
import dev.snowpulse.ui.common.BackgroundJob;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs background work inline, for ViewModel tests without an FX thread. */
public final class DirectBackground implements Background {

    @Override
    public <T> BackgroundJob run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        BackgroundJob job = new BackgroundJob();
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            try {
                onFailure.accept(e);
            } finally {
                job.finish();
            }
            return job;
        }
        try {
            onSuccess.accept(result);
        } finally {
            job.finish();
        }
        return job;
    }

    @Override
    public void onUi(Runnable update) {
        update.run();
    }
}
