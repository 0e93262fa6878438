package dev.snowpulse.ui.common;

import dev.snowpulse.profile.ConnectionProfile;

/**
 * The one reader a live tab keeps for the active profile (a KPI reader, a server reader): opened for a profile on
 * the background thread, replaced when the profile changes, closed when the tab shuts down, at once or, when a
 * read is still running, as soon as it ends.
 */
public final class ProfileReader<R extends AutoCloseable> {

    /** Opens a reader for a profile. */
    public interface Opener<R> {
        R open(ConnectionProfile profile) throws Exception;
    }

    private final Opener<R> opener;
    private R reader;
    private ConnectionProfile profile;
    private boolean reading;
    private boolean shutDown;

    public ProfileReader(Opener<R> opener) {
        this.opener = opener;
    }

    /** On the background thread: the reader for {@code wanted}, opened (and the previous one closed) if need be. */
    public synchronized R begin(ConnectionProfile wanted) throws Exception {
        if (reader == null || !wanted.equals(profile)) {
            closeQuietly();
            reader = opener.open(wanted);
            profile = wanted;
        }
        reading = true;
        return reader;
    }

    /** A read has ended: after a shutdown, the reader is closed now. */
    public synchronized void end() {
        reading = false;
        if (shutDown) {
            closeQuietly();
        }
    }

    /** The profile the reader was opened for; null before the first read. */
    public synchronized ConnectionProfile profile() {
        return profile;
    }

    public synchronized void shutdown() {
        shutDown = true;
        if (!reading) {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        if (reader != null) {
            try {
                reader.close();
            } catch (Exception ignored) {
                // a reader that fails to close has nothing left to give back
            }
            reader = null;
        }
    }
}
