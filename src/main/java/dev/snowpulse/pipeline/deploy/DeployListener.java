package dev.snowpulse.pipeline.deploy;

/** Follows a deployment statement by statement (called on the deploying thread). */
public interface DeployListener {

    DeployListener NONE = new DeployListener() {
    };

    default void started(int index, int total, SqlStatement statement) {
    }

    default void finished(int index, int total, SqlStatement statement, java.time.Duration took) {
    }
}
