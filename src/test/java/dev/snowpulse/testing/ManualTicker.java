package dev.snowpulse.testing;

import dev.snowpulse.ui.common.Ticker;

/** A ticker the test advances itself. */
public final class ManualTicker implements Ticker {

    private Runnable tick;

    @Override
    public void start(Runnable tick) {
        this.tick = tick;
    }

    @Override
    public void stop() {
        tick = null;
    }

    public boolean running() {
        return tick != null;
    }

    public void tick(int times) {
        for (int i = 0; i < times && tick != null; i++) {
            tick.run();
        }
    }
}
