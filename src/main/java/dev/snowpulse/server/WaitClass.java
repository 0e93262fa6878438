package dev.snowpulse.server;

/**
 * What a working database session spends its moment on, as the bottleneck line counts it: running on a CPU (active,
 * no wait event), waiting on I/O (data files and the WAL), waiting on a lock (heavyweight locks and the other
 * internal ones), waiting for its client (idle between statements, or reading from the client), or something else.
 */
public enum WaitClass {
    CPU, IO, LOCKS, CLIENT, OTHER;

    public static WaitClass of(BackendSession s) {
        SessionState state = s.state();
        if (state == SessionState.WAITING_ON_LOCK) {
            return LOCKS;
        }
        if (state == SessionState.IDLE || state == SessionState.IDLE_IN_TRANSACTION) {
            return CLIENT;
        }
        if (state != SessionState.ACTIVE) {
            return OTHER;
        }
        String type = s.waitEventType();
        if (type == null) {
            return CPU;
        }
        return switch (type) {
            case "IO" -> IO;
            case "Lock" -> LOCKS;
            // the WAL's and the buffers' internal locks are held while writing or reading pages: I/O in effect
            case "LWLock" -> s.waitEvent() != null && (s.waitEvent().startsWith("WAL") || s.waitEvent().startsWith("Buffer"))
                    ? IO : LOCKS;
            case "Client" -> CLIENT;
            default -> OTHER;
        };
    }
}
