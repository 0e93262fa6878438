package dev.snowpulse.ui.common;

import dev.snowpulse.profile.ConnectionProfile;

import java.util.Optional;

/** Asks the user for a profile's secret; the answer is kept in memory for this run only. */
@FunctionalInterface
public interface PasswordPrompter {

    Optional<String> ask(ConnectionProfile profile, String reason);
}
