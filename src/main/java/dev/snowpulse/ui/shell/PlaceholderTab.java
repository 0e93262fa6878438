package dev.snowpulse.ui.shell;

import dev.snowpulse.ui.common.TabContent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A tab whose part is not built yet: it says so and shows nothing made up. */
public final class PlaceholderTab implements TabContent {

    private final String title;
    private final VBox node;

    public PlaceholderTab(String title, String willDo) {
        this.title = title;
        Label heading = new Label(title + " is not there yet");
        heading.getStyleClass().add("placeholder-title");
        Label body = new Label(willDo);
        body.setWrapText(true);
        body.setMaxWidth(560);
        body.getStyleClass().add("placeholder-body");
        Label hint = new Label("The Connections tab works today: create and test profiles there.");
        hint.getStyleClass().add("placeholder-hint");
        node = new VBox(12, heading, body, hint);
        node.setAlignment(Pos.CENTER);
        node.getStyleClass().add("placeholder");
        node.setId("placeholder-" + title.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Node node() {
        return node;
    }
}
