package dev.snowpulse.ui.shell;

import dev.snowpulse.ui.common.Theme;
import dev.snowpulse.ui.common.ConnectionState;
import dev.snowpulse.ui.common.ShellViewModel;
import dev.snowpulse.Version;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.ui.common.Chips;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/** The bar at the bottom: active profile with its environment colour, connection state, theme switch. */
final class StatusBar {

    private StatusBar() {
    }

    static HBox build(ShellViewModel model) {
        Region envChip = Chips.swatch("#9E9E9E", 12);
        envChip.setId("statusEnvChip");
        Label envLabel = new Label();
        envLabel.setId("statusEnvironment");
        envLabel.getStyleClass().add("status-environment");
        Label profile = new Label("No profile");
        profile.setId("statusProfile");
        profile.getStyleClass().add("status-profile");

        Circle dot = new Circle(5);
        dot.getStyleClass().add("state-dot");
        Label state = new Label();
        state.setId("statusState");
        state.getStyleClass().add("status-state");
        Label detail = new Label();
        detail.setId("statusDetail");
        detail.getStyleClass().add("status-detail");
        detail.setMinWidth(0);
        detail.setTooltip(new Tooltip());
        detail.getTooltip().textProperty().bind(detail.textProperty());

        model.activeProfileProperty().addListener((obs, old, now) -> showProfile(now, envChip, envLabel, profile));
        showProfile(model.activeProfileProperty().get(), envChip, envLabel, profile);
        model.stateProperty().addListener((obs, old, now) -> showState(now, dot, state));
        showState(model.stateProperty().get(), dot, state);
        detail.textProperty().bind(model.stateDetailProperty());

        Button theme = new Button();
        theme.setId("themeToggle");
        theme.getStyleClass().add("status-button");
        theme.textProperty().bind(model.themeProperty().map(t -> t == Theme.LIGHT ? "Dark theme" : "Light theme"));
        theme.setOnAction(e -> model.toggleTheme());
        Label version = new Label("SnowPulse " + Version.current());
        version.getStyleClass().add("status-version");

        // a long failure is what gives way (it is in full in the tooltip), never the profile, the state or the buttons
        for (javafx.scene.control.Control fixed : new javafx.scene.control.Control[]{envLabel, profile, state, theme, version}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(detail, Priority.SOMETIMES);
        HBox bar = new HBox(8, envChip, envLabel, profile, separator(), dot, state, detail, spacer, theme, version);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private static Separator separator() {
        Separator separator = new Separator(Orientation.VERTICAL);
        separator.getStyleClass().add("status-separator");
        return separator;
    }

    private static void showProfile(ConnectionProfile profile, Region chip, Label env, Label name) {
        if (profile == null) {
            Chips.colour(chip, "#9E9E9E");
            env.setText("");
            name.setText("No profile");
            return;
        }
        Chips.colour(chip, profile.environment().colour());
        env.setText(profile.environment().label().toUpperCase(java.util.Locale.ROOT));
        name.setText(profile.name());
    }

    private static void showState(ConnectionState now, Circle dot, Label label) {
        for (ConnectionState s : ConnectionState.values()) {
            dot.getStyleClass().remove(s.styleClass());
            label.getStyleClass().remove(s.styleClass());
        }
        dot.getStyleClass().add(now.styleClass());
        label.getStyleClass().add(now.styleClass());
        label.setText(now.label());
    }
}
