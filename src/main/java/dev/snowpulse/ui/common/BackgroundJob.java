package dev.snowpulse.ui.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Work handed to a {@link Background}, once started: what to do when it is over whichever way it ended (a busy flag
 * reset once, not in both callbacks), and a way to stop it. Used on the UI thread only.
 */
public final class BackgroundJob {

    private final List<Runnable> whenFinished = new ArrayList<>();
    private Runnable canceller = () -> { };
    private boolean finished;

    /** Runs {@code then} after the success or failure callback, or at once if the job is already over. */
    public BackgroundJob onFinished(Runnable then) {
        if (finished) {
            then.run();
        } else {
            whenFinished.add(then);
        }
        return this;
    }

    /**
     * Gives up on the work if it is still running: neither callback runs, the onFinished ones do at once. The work's
     * thread is interrupted; a call blocked in a driver may still run to its end, unseen.
     */
    public void cancel() {
        canceller.run();
    }

    public boolean isFinished() {
        return finished;
    }

    /** For a Background: how {@link #cancel()} stops the work. */
    public void cancelWith(Runnable stop) {
        canceller = stop;
    }

    /** For a Background: the work is over and its callback has run. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        whenFinished.forEach(Runnable::run);
        whenFinished.clear();
    }
}
