package dev.snowpulse.ui.common;

/** The app's two looks; both build on Modena, which ControlsFX and TilesFX are styled for. */
public enum Theme {
    LIGHT("/dev/snowpulse/ui/light.css"),
    DARK("/dev/snowpulse/ui/dark.css");

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    public String stylesheet() {
        return Theme.class.getResource(stylesheet).toExternalForm();
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
