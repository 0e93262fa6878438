package dev.snowpulse.ui.workload;

import dev.snowpulse.workload.script.BuiltinScripts;
import dev.snowpulse.workload.script.ScriptChoice;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What each transaction of a run from the Workload tab is: the demo's place_order, or pgbench scripts, built-in or
 * from files, each with its weight as typed (pgbench's {@code -b name@W} and {@code -f file@W}), the scale
 * {@code :scale} stands for (blank: pgbench's rule) and the tries a serialization failure or deadlock gets.
 */
public final class ScriptMix {

    public enum Transaction {
        PLACE_ORDER("place_order"), SCRIPTS("pgbench scripts");

        private final String label;

        Transaction(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One script of the mix; its weight as typed, so a wrong one is kept to be fixed. */
    public static final class Row {
        private final ScriptChoice.Kind kind;
        private final String name;
        private final StringProperty weight;

        Row(ScriptChoice.Kind kind, String name, String weight) {
            this.kind = kind;
            this.name = name;
            this.weight = new SimpleStringProperty(weight);
        }

        /** A script file, by its absolute path, weight 1. */
        public static Row file(Path file) {
            return new Row(ScriptChoice.Kind.FILE, file.toAbsolutePath().normalize().toString(), "1");
        }

        public ScriptChoice.Kind kind() {
            return kind;
        }

        public String name() {
            return name;
        }

        /** What the table shows: a built-in's name, a file's name with its folder in the tooltip. */
        public String label() {
            return kind == ScriptChoice.Kind.BUILTIN ? name + " (built-in)" : Path.of(name).getFileName().toString();
        }

        public StringProperty weightProperty() {
            return weight;
        }
    }

    private final ObjectProperty<Transaction> transaction = new SimpleObjectProperty<>(Transaction.PLACE_ORDER);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty scale = new SimpleStringProperty("");
    private final StringProperty maxTries = new SimpleStringProperty("1");

    public ObjectProperty<Transaction> transactionProperty() {
        return transaction;
    }

    public boolean scripted() {
        return transaction.get() == Transaction.SCRIPTS;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public StringProperty scaleProperty() {
        return scale;
    }

    public StringProperty maxTriesProperty() {
        return maxTries;
    }

    /** A built-in by any unambiguous prefix, as pgbench takes them; throws naming the choices when it is not one. */
    public void addBuiltin(String name) {
        rows.add(new Row(ScriptChoice.Kind.BUILTIN, BuiltinScripts.resolve(name), "1"));
    }

    /** A file not listed yet, weight 1 (a file chosen twice is listed once). */
    public void addFile(Path file) {
        Row row = Row.file(file);
        if (rows.stream().noneMatch(r -> r.kind() == ScriptChoice.Kind.FILE && r.name().equals(row.name()))) {
            rows.add(row);
        }
    }

    public void reset() {
        transaction.set(Transaction.PLACE_ORDER);
        rows.clear();
        scale.set("");
        maxTries.set("1");
    }

    /** The scripts as chosen, in the table's order; throws naming what to fix. */
    List<ScriptChoice> choices() {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("Scripts: add a built-in script or a script file");
        }
        List<ScriptChoice> choices = new ArrayList<>();
        for (Row row : rows) {
            String typed = row.weight.get() == null ? "" : row.weight.get().strip();
            int weight;
            try {
                weight = Integer.parseInt(typed.replace(",", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Scripts: the weight of " + row.label() + " is '" + typed + "', not a whole number");
            }
            try {
                choices.add(new ScriptChoice(row.kind, row.name, weight));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Scripts: " + e.getMessage(), e);
            }
        }
        if (choices.stream().mapToLong(ScriptChoice::weight).sum() == 0) {
            throw new IllegalArgumentException("Scripts: the weights add up to 0; give one script a weight above 0");
        }
        return choices;
    }
}
