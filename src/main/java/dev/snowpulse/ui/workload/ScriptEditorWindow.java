package dev.snowpulse.ui.workload;

import dev.snowpulse.workload.script.Command;
import dev.snowpulse.workload.script.PgbenchScript;
import dev.snowpulse.workload.script.ScriptError;
import dev.snowpulse.workload.script.ScriptParser;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A pgbench script in a text area, checked as it is typed by the parser a run uses (so a mistake shows with its line
 * and column before anything runs), saved to its file through the view model (off the FX thread). A new script is
 * saved where the user chooses and then added to the mix.
 */
final class ScriptEditorWindow {

    /** The variables a run defines for every script, which SQL may use without a {@code \set}. */
    static final Set<String> DEFINED = Set.of("max_customers", "max_products", "min_quantity", "max_quantity");

    private static final String NEW_SCRIPT = """
            \\set aid random(1, 100000 * :scale)
            BEGIN;
            SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
            END;
            """;

    private ScriptEditorWindow() {
    }

    /** {@code file} null: a new script, saved where the user says and then handed to {@code added}. */
    static Stage show(Window owner, Path file, String text, WorkloadViewModel model, Consumer<Path> added) {
        TextArea editor = new TextArea(file == null ? NEW_SCRIPT : text);
        editor.setId("scriptEditorText");
        editor.getStyleClass().add("script-editor");
        editor.setWrapText(false);
        VBox.setVgrow(editor, Priority.ALWAYS);

        Label check = new Label();
        check.setId("scriptEditorCheck");
        check.setWrapText(true);
        check.setMinHeight(Region.USE_PREF_SIZE);
        check.setMaxWidth(Double.MAX_VALUE);
        Label savedNote = new Label();
        savedNote.setId("scriptEditorSaved");
        savedNote.getStyleClass().add("hint");

        Path[] target = {file};
        // what is on disk (or the starting script): closing with anything else asks first
        String[] saved = {editor.getText()};
        Runnable recheck = () -> showVerdict(check, file == null ? "new script" : file.getFileName().toString(), editor.getText());
        editor.textProperty().addListener((obs, old, now) -> {
            recheck.run();
            savedNote.setText("");
        });
        recheck.run();

        Stage stage = new Stage();
        Button save = new Button(file == null ? "Save as… and add" : "Save");
        save.setId("scriptEditorSave");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> {
            if (target[0] == null) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Save the pgbench script");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("pgbench scripts (*.sql)", "*.sql"));
                chooser.setInitialFileName("script.sql");
                chooser.setInitialDirectory(new java.io.File(System.getProperty("user.home")));
                java.io.File chosen = chooser.showSaveDialog(stage);
                if (chosen == null) {
                    return;
                }
                target[0] = chosen.toPath();
            }
            String content = editor.getText();
            saveTo(target[0], content, model, savedNote, path -> {
                saved[0] = content;
                if (file == null) {
                    added.accept(path);
                }
            });
            if (file == null) {
                save.setText("Save");
            }
        });
        Button close = new Button("Close");
        close.setId("scriptEditorClose");
        close.setOnAction(e -> {
            if (mayClose(stage, editor.getText(), saved[0], target[0])) {
                stage.close();
            }
        });
        stage.setOnCloseRequest(e -> {
            if (!mayClose(stage, editor.getText(), saved[0], target[0])) {
                e.consume();
            }
        });
        HBox buttons = new HBox(8, save, savedNote, new Region(), close);
        HBox.setHgrow(buttons.getChildren().get(2), Priority.ALWAYS);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label help = new Label("One transaction, as pgbench runs it: SQL commands (with the script's own BEGIN/END), \\set with "
                + "pgbench's expressions, \\sleep, :variables. Checked as you type.");
        help.getStyleClass().add("hint");
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);
        VBox root = new VBox(8, help, editor, check, buttons);
        root.setPadding(new Insets(12));
        root.getStyleClass().add("script-editor-window");

        stage.initOwner(owner);
        stage.setTitle(file == null ? "New pgbench script" : "pgbench script: " + file.getFileName());
        Scene scene = new Scene(root, 760, 520);
        // the app's theme, and a switch of it while the window is open
        javafx.beans.binding.Bindings.bindContent(scene.getStylesheets(), owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static void saveTo(Path path, String text, WorkloadViewModel model, Label note, Consumer<Path> done) {
        note.setText("Saving…");
        model.saveScript(path, text, () -> {
            note.setText("Saved to " + path);
            done.accept(path);
        }, failure -> note.setText("Could not save to " + path + ": " + failure));
    }

    /** Unsaved edits are not thrown away without asking. */
    private static boolean mayClose(Stage stage, String text, String saved, Path file) {
        if (text.equals(saved)) {
            return true;
        }
        return dev.snowpulse.ui.common.Dialogs.confirm(stage, (file == null ? "The new script is not saved."
                : file.getFileName() + " has changes that are not saved.") + " Close the editor and lose them?");
    }

    /** The parser's verdict: what the script holds, or the first mistake with its line and column. */
    static void showVerdict(Label check, String name, String text) {
        check.getStyleClass().removeAll("check-ok", "check-error");
        try {
            PgbenchScript script = ScriptParser.parse(name, text, DEFINED);
            long sql = script.commands().stream().filter(c -> c instanceof Command.Sql).count();
            long sets = script.commands().stream().filter(c -> c instanceof Command.Set).count();
            long sleeps = script.commands().size() - sql - sets;
            check.setText("✓ Syntax OK: " + dev.snowpulse.format.Plural.of(sql, "SQL command")
                    + ", " + sets + " \\set, " + sleeps + " \\sleep");
            check.getStyleClass().add("check-ok");
        } catch (ScriptError e) {
            check.setText("✗ " + e.getMessage());
            check.getStyleClass().add("check-error");
        }
    }
}
