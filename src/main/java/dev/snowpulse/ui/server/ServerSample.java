package dev.snowpulse.ui.server;

import dev.snowpulse.server.ServerRates;
import dev.snowpulse.server.SessionState;

import java.util.Map;

/** One point of the Server tab's charts: seconds since the tab began reading, the rates, the sessions by state. */
public record ServerSample(double seconds, ServerRates rates, Map<SessionState, Integer> sessions) {

    public ServerSample {
        sessions = Map.copyOf(sessions);
    }
}
