package dev.snowpulse.ui.common;

import javafx.scene.layout.Region;

/** Small coloured markers: an environment's colour swatch, a connection-state dot. */
public final class Chips {

    private Chips() {
    }

    public static Region swatch(String hexColour, double size) {
        Region swatch = new Region();
        swatch.getStyleClass().add("swatch");
        swatch.setMinSize(size, size);
        swatch.setPrefSize(size, size);
        swatch.setMaxSize(size, size);
        colour(swatch, hexColour);
        return swatch;
    }

    public static void colour(Region swatch, String hexColour) {
        swatch.setStyle("-fx-background-color: " + hexColour + "; -fx-background-radius: 3;");
    }
}
