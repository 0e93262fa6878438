package dev.snowpulse.pipeline.deploy;


/** A statement a deploy sends, and what it changes; {@code change} is null when it changes nothing here. */
public record DeployStep(SqlStatement statement, Change change) {

    public boolean changes() {
        return change != null;
    }
}
