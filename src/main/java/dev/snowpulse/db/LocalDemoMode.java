package dev.snowpulse.db;

import dev.snowpulse.app.EnvVar;
import dev.snowpulse.app.HostEnvironment;

import java.util.Locale;

/**
 * How the Local demo finds its PostgreSQL, from SNOWPULSE_LOCAL_DEMO: {@code auto} (a server that answers on this
 * machine, else the embedded one), {@code embedded} (always the embedded one), {@code external} (never start one).
 */
public enum LocalDemoMode {
    AUTO, EMBEDDED, EXTERNAL;

    public static LocalDemoMode of(HostEnvironment host) {
        String value = host.variable(EnvVar.SNOWPULSE_LOCAL_DEMO.name()).orElse("auto").strip().toUpperCase(Locale.ROOT);
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SNOWPULSE_LOCAL_DEMO: '" + value.toLowerCase(Locale.ROOT)
                    + "' is not auto, embedded or external");
        }
    }
}
