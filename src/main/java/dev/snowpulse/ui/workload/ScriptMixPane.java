package dev.snowpulse.ui.workload;

import dev.snowpulse.workload.script.BuiltinScripts;
import dev.snowpulse.workload.script.ScriptChoice;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The Workload tab's pgbench scripts: the mix as a table of scripts and weights (weights edited in place), built-ins
 * added by name, files by a chooser, and the editor for a new script or the selected file.
 */
final class ScriptMixPane {

    private final ScriptMix mix;
    private final WorkloadViewModel model;
    private final Supplier<Window> window;
    private final Label message = new Label();

    ScriptMixPane(ScriptMix mix, WorkloadViewModel model, Supplier<Window> window) {
        this.mix = mix;
        this.model = model;
        this.window = window;
    }

    Node node() {
        TableView<ScriptMix.Row> table = new TableView<>(mix.rows());
        table.setId("scriptMix");
        table.setEditable(true);
        table.setPlaceholder(new Label("Add a built-in script or a script file."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(130);
        table.setMinHeight(100);
        TableColumn<ScriptMix.Row, String> script = new TableColumn<>("Script");
        script.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().label()));
        script.setPrefWidth(210);
        script.setEditable(false);
        TableColumn<ScriptMix.Row, String> weight = new TableColumn<>("Weight");
        weight.setId("scriptWeight");
        weight.setCellValueFactory(c -> c.getValue().weightProperty());
        weight.setCellFactory(TextFieldTableCell.forTableColumn());
        weight.setOnEditCommit(e -> e.getRowValue().weightProperty().set(e.getNewValue()));
        weight.setPrefWidth(70);
        table.getColumns().add(script);
        table.getColumns().add(weight);
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(ScriptMix.Row row, boolean empty) {
                super.updateItem(row, empty);
                setTooltip(empty || row == null ? null : new Tooltip(row.kind() == ScriptChoice.Kind.FILE ? row.name()
                        : "pgbench's built-in " + row.name() + " (-b " + row.name() + ")"));
            }
        });

        MenuButton builtin = new MenuButton("Built-in");
        builtin.setId("addBuiltinScript");
        for (String name : BuiltinScripts.texts().keySet()) {
            MenuItem item = new MenuItem(name);
            item.setId("builtin-" + name);
            item.setOnAction(e -> mix.addBuiltin(name));
            builtin.getItems().add(item);
        }
        Button file = new Button("File…");
        file.setId("addScriptFile");
        file.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Add a pgbench script file");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("pgbench scripts (*.sql)", "*.sql"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            java.util.List<File> chosen = chooser.showOpenMultipleDialog(window.get());
            if (chosen != null) {
                chosen.forEach(f -> mix.addFile(f.toPath()));
            }
        });
        Button create = new Button("New…");
        create.setId("newScript");
        create.setOnAction(e -> ScriptEditorWindow.show(window.get(), null, "", model, mix::addFile));
        Button edit = new Button("Edit…");
        edit.setId("editScript");
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().map(r -> r.kind() != ScriptChoice.Kind.FILE)
                .orElse(true));
        edit.setOnAction(e -> {
            ScriptMix.Row row = table.getSelectionModel().getSelectedItem();
            Path path = Path.of(row.name());
            message.setText("");
            model.readScript(path, text -> ScriptEditorWindow.show(window.get(), path, text, model, p -> { }),
                    failure -> message.setText("Could not read " + path + ": " + failure));
        });
        Button remove = new Button("Remove");
        remove.setId("removeScript");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> mix.rows().remove(table.getSelectionModel().getSelectedItem()));
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(6, 6, builtin, file, create, edit, remove);
        buttons.setAlignment(Pos.CENTER_LEFT);

        message.setId("scriptMixMessage");
        message.getStyleClass().addAll("message", "message-error");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        Label hint = new Label("Each transaction picks a script with probability weight / sum of weights, as pgbench's -b/-f name@W.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        return new VBox(6, table, buttons, hint, message);
    }
}
