package dev.snowpulse.ui.common;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.function.Function;

/** Small pieces every view builds the same way. */
public final class Nodes {

    private Nodes() {
    }

    /** What an empty table or chart says when its data could not be read: the reason is in the message line. */
    public static final String NOT_READ = "Not read: see the message above";

    /**
     * A message shown on its own starts with a capital: services word their failures to follow "snowpulse: " on the
     * command line ("could not list the tasks: ...").
     */
    public static String sentence(String text) {
        if (text == null || text.isEmpty() || !Character.isLowerCase(text.charAt(0))) {
            return text == null ? "" : text;
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A table's placeholder: {@code empty} when there is nothing, {@link #NOT_READ} while {@code failure} is set. */
    public static Label placeholder(ObservableValue<String> failure, String empty) {
        Label label = new Label();
        label.textProperty().bind(failure.map(f -> f.isEmpty() ? empty : NOT_READ).orElse(empty));
        return label;
    }

    /** Pushes what follows it in an HBox to the right. */
    public static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    /** A red message line that shows {@code text}, and takes no room while it is empty. */
    public static Label errorLine(String id, ObservableValue<String> text) {
        return messageLine(id, text, "message-error");
    }

    /** A warning that does not stop anything: shown while its text is not empty. */
    public static Label infoLine(String id, ObservableValue<String> text) {
        return messageLine(id, text, "message-info");
    }

    public static Label warningLine(String id, ObservableValue<String> text) {
        return messageLine(id, text, "message-warning");
    }

    private static Label messageLine(String id, ObservableValue<String> text, String style) {
        Label line = new Label();
        line.setId(id);
        line.getStyleClass().addAll("message", style);
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        line.setMaxWidth(Double.MAX_VALUE);
        line.textProperty().bind(text.map(Nodes::sentence));
        line.visibleProperty().bind(line.textProperty().isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    /** A read-only text column computed from the row. */
    public static <T> TableColumn<T, String> textColumn(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
