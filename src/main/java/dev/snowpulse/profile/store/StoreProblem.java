package dev.snowpulse.profile.store;

import java.nio.file.Path;

/**
 * A file SnowPulse could not use. A corrupt one found at start is moved aside (never overwritten); any other (not a
 * regular file, too large, from a newer SnowPulse, unreadable) stays where it is and the store refuses to write, so
 * nothing the user had is lost.
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
        return file + " cannot be used (" + reason + "). SnowPulse will not overwrite it, so profile changes cannot be "
                + "saved until it is fixed or removed.";
    }
}
