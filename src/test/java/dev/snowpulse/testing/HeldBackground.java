package dev.snowpulse.testing;

import dev.snowpulse.ui.common.Background;
import dev.snowpulse.ui.common.BackgroundJob;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Background work that waits until the test releases it, to see what a ViewModel does while work is in flight. */
public final class HeldBackground implements Background {

    private final DirectBackground inline = new DirectBackground();
    private final Deque<Runnable> held = new ArrayDeque<>();

    @Override
    public <T> BackgroundJob run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        BackgroundJob job = new BackgroundJob();
        Runnable held = () -> inline.run(name, work, onSuccess, onFailure).onFinished(job::finish);
        this.held.add(held);
        job.cancelWith(() -> {
            if (this.held.remove(held)) {
                job.finish();
            }
        });
        return job;
    }

    @Override
    public void onUi(Runnable update) {
        update.run();
    }

    public int waiting() {
        return held.size();
    }

    /** Runs the oldest held job to its end, callbacks included. */
    public void releaseOne() {
        held.removeFirst().run();
    }
}
