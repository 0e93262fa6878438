package dev.snowpulse.ui.shell;

import dev.snowpulse.ui.common.Theme;

/** What the desktop remembers between runs: window geometry, theme and the profile last used. */
public record UiSettings(Double x, Double y, double width, double height, boolean maximized, Theme theme, String activeProfile) {

    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;

    public UiSettings {
        width = width < 640 ? DEFAULT_WIDTH : width;
        height = height < 480 ? DEFAULT_HEIGHT : height;
        theme = theme == null ? Theme.LIGHT : theme;
    }

    public static UiSettings defaults() {
        return new UiSettings(null, null, DEFAULT_WIDTH, DEFAULT_HEIGHT, false, Theme.LIGHT, null);
    }
}
