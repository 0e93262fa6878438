package dev.snowpulse.ui.common;

/** The active profile's connection, as the status bar shows it. */
public enum ConnectionState {
    NOT_CONNECTED("Not connected", "state-idle"),
    CONNECTING("Connecting…", "state-busy"),
    CONNECTED("Connected", "state-ok"),
    FAILED("Connection failed", "state-failed");

    private final String label;
    private final String styleClass;

    ConnectionState(String label, String styleClass) {
        this.label = label;
        this.styleClass = styleClass;
    }

    public String label() {
        return label;
    }

    public String styleClass() {
        return styleClass;
    }
}
