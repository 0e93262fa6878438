package dev.snowpulse.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * When a live tab (KPIs, Server) polls: at its interval, only while it is shown, not paused and usable (a Postgres
 * profile is active). Changing the interval or pausing takes effect at once; a hidden tab starts nothing.
 */
public final class LivePolling {

    private final Function<Duration, Ticker> tickers;
    private final ObjectProperty<RefreshInterval> interval;
    private final BooleanProperty paused;
    private final BooleanSupplier usable;
    private final Runnable poll;
    private Ticker ticker;
    private boolean shown;

    public LivePolling(Function<Duration, Ticker> tickers, ObjectProperty<RefreshInterval> interval, BooleanProperty paused,
                       BooleanSupplier usable, Runnable poll) {
        this.tickers = tickers;
        this.interval = interval;
        this.paused = paused;
        this.usable = usable;
        this.poll = poll;
        interval.addListener((obs, old, now) -> reschedule());
        paused.addListener((obs, old, now) -> reschedule());
    }

    public void shown() {
        shown = true;
    }

    public void hidden() {
        shown = false;
        stop();
    }

    public boolean isShown() {
        return shown;
    }

    /** Polls now and then at the interval, when the tab is shown and usable. */
    public void pollNowAndOnward() {
        if (shown && usable.getAsBoolean()) {
            poll.run();
            reschedule();
        }
    }

    public void reschedule() {
        stop();
        if (!shown || !usable.getAsBoolean() || paused.get() || interval.get().period() == null) {
            return;
        }
        ticker = tickers.apply(interval.get().period());
        ticker.start(poll);
    }

    public void stop() {
        if (ticker != null) {
            ticker.stop();
            ticker = null;
        }
    }
}
