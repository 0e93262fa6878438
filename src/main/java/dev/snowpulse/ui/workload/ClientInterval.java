package dev.snowpulse.ui.workload;

/** The run's client side over the last chart interval: successful orders a second and their mean latency. */
public record ClientInterval(double ordersPerSecond, double meanLatencyMillis) {

    public static final ClientInterval NONE = new ClientInterval(0, 0);

    /** Orders under way at any moment on average (Little's law): at the server, or waiting for a connection to it. */
    public double ordersInFlight() {
        return ordersPerSecond * meanLatencyMillis / 1000;
    }
}
