package dev.snowpulse.ui.common;

/**
 * Calls a sampler at a fixed pace on the FX thread, whatever the rate of the events behind it. ViewModel tests
 * use a ticker they advance by hand.
 */
public interface Ticker {

    void start(Runnable tick);

    void stop();
}
