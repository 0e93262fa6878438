package dev.snowpulse.ui.common;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/** A {@link Ticker} on a JavaFX Timeline, so each tick runs on the FX thread between pulses. */
public final class FxTicker implements Ticker {

    private final Duration period;
    private Timeline timeline;

    public FxTicker(java.time.Duration period) {
        this.period = Duration.millis(period.toMillis());
    }

    @Override
    public void start(Runnable tick) {
        stop();
        timeline = new Timeline(new KeyFrame(period, e -> tick.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
    }

    @Override
    public void stop() {
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
    }
}
