package dev.snowpulse.ui.kpis;

import javafx.util.StringConverter;

import java.util.Locale;

/** The per-minute charts' time axis: minutes ago for short windows, hours ago past three hours. */
final class TimeAxisTicks {

    static final int HOURS_FROM_MINUTES = 180;

    private TimeAxisTicks() {
    }

    static boolean inHours(int windowMinutes) {
        return windowMinutes > HOURS_FROM_MINUTES;
    }

    static StringConverter<Number> formatter(int windowMinutes) {
        boolean hours = inHours(windowMinutes);
        return new StringConverter<>() {
            @Override
            public String toString(Number minutesAgo) {
                double value = hours ? minutesAgo.doubleValue() / 60 : minutesAgo.doubleValue();
                return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value) : String.format(Locale.ROOT, "%.1f", value);
            }

            @Override
            public Number fromString(String text) {
                double value = Double.parseDouble(text.replace(",", ""));
                return hours ? value * 60 : value;
            }
        };
    }
}
