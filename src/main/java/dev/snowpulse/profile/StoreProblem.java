package dev.snowpulse.profile;

import java.nio.file.Path;

/**
 * A file SnowPulse could not read. It was moved aside (never overwritten) when that was possible;
 * otherwise the store refuses to write so nothing the user had is lost.
 */
public record StoreProblem(Path file, Path movedTo, String reason) {

    public boolean readOnly() {
        return movedTo == null;
    }

    public String message() {
        if (movedTo != null) {
            return file.getFileName() + " could not be read (" + reason + "). It was moved to " + movedTo
                    + " and SnowPulse started without it; fix or delete that copy.";
        }
        return file + " could not be read (" + reason + ") and could not be moved aside. "
                + "SnowPulse will not overwrite it, so profile changes cannot be saved until it is readable or removed. Check its permissions.";
    }
}
