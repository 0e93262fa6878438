package dev.snowpulse.testing;

import dev.snowpulse.ui.common.Background;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs background work inline, for ViewModel tests without an FX thread. */
public final class DirectBackground implements Background {

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onUi(Runnable update) {
        update.run();
    }
}
