package dev.snowpulse.ui.server;

/** Which pg_stat_statements figures the table shows. */
public enum StatementsShown {
    LAST_MINUTE("Last minute"), SINCE_RESET("Since reset");

    private final String label;

    StatementsShown(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
