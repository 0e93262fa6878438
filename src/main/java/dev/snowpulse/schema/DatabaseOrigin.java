package dev.snowpulse.schema;

/** What SnowPulse found in a database before touching it. */
public enum DatabaseOrigin {
    /** No e-commerce tables and no history: Initialize creates everything. */
    EMPTY,
    /** The tables of the seed project's init_db but no migration history: Initialize adopts them, data kept. */
    SEED_PROJECT,
    /** SnowPulse's migration history is there: Upgrade applies what is pending. */
    MANAGED
}
