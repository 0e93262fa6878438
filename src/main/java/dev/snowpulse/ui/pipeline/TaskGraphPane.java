package dev.snowpulse.ui.pipeline;

import dev.snowpulse.pipeline.PipelineReports;
import dev.snowpulse.pipeline.task.TaskRun;
import dev.snowpulse.pipeline.task.TaskState;
import dev.snowpulse.pipeline.task.TaskStatus;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A task graph drawn top down, as Snowsight draws one: roots in the first row, each task one row below its deepest
 * predecessor, arrows from predecessor to child. A card's border and chip show its state (started, suspended,
 * failed last run); it lists the schedule, the last run and the next one. Clicking a card selects the task.
 */
final class TaskGraphPane extends Pane {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final double CARD_WIDTH = 360;
    private static final double COLUMN_GAP = 24;
    private static final double ROW_GAP = 34;
    private static final double MARGIN = 16;

    private final Map<String, VBox> cards = new LinkedHashMap<>();
    private final Map<String, Integer> depth = new HashMap<>();
    private final List<TaskStatus> shown = new ArrayList<>();
    private final List<Node> edges = new ArrayList<>();
    private final Consumer<TaskStatus> onSelect;
    private String selected;

    TaskGraphPane(Consumer<TaskStatus> onSelect) {
        this.onSelect = onSelect;
        setId("taskGraph");
        getStyleClass().add("task-graph");
    }

    private final javafx.beans.property.StringProperty emptyText = new javafx.beans.property.SimpleStringProperty("");

    /** What the pane says when there is no task to draw. */
    javafx.beans.property.StringProperty emptyTextProperty() {
        return emptyText;
    }

    void show(List<TaskStatus> tasks, TaskStatus selection) {
        getChildren().clear();
        cards.clear();
        depth.clear();
        shown.clear();
        edges.clear();
        shown.addAll(tasks);
        selected = selection == null ? null : selection.task().name();
        if (tasks.isEmpty()) {
            Label empty = new Label();
            empty.textProperty().bind(emptyText);
            empty.getStyleClass().add("hint");
            empty.relocate(MARGIN, MARGIN);
            getChildren().add(empty);
            return;
        }
        for (TaskStatus task : tasks) {
            VBox card = card(task);
            cards.put(task.task().name().toUpperCase(Locale.ROOT), card);
        }
        for (TaskStatus task : tasks) {
            for (String predecessor : task.task().predecessors()) {
                if (cards.containsKey(predecessor.toUpperCase(Locale.ROOT))) {
                    Line line = new Line();
                    line.getStyleClass().add("task-edge");
                    Polygon head = new Polygon();
                    head.getStyleClass().add("task-edge-head");
                    line.setUserData(new String[]{predecessor.toUpperCase(Locale.ROOT), task.task().name().toUpperCase(Locale.ROOT)});
                    head.setUserData(line);
                    edges.add(line);
                    edges.add(head);
                }
            }
        }
        getChildren().addAll(edges);
        getChildren().addAll(cards.values());
        requestLayout();
    }

    private VBox card(TaskStatus status) {
        String name = status.task().shortName();
        Label title = new Label(name);
        title.getStyleClass().add("task-title");
        Label chip = new Label(stateText(status));
        chip.setId("task-state-" + name);
        chip.getStyleClass().addAll("task-chip", stateClass(status));
        chip.setMinWidth(Region.USE_PREF_SIZE);
        Label schedule = new Label(status.task().root()
                ? (status.task().schedule() == null ? "no schedule (runs when executed)" : status.task().schedule())
                : "after " + String.join(", ", status.task().predecessors().stream().map(p -> p.substring(p.lastIndexOf('.') + 1)).toList()));
        schedule.getStyleClass().add("task-detail");
        HBox stateLine = new HBox(8, chip, schedule);
        stateLine.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        TaskRun last = status.lastRun();
        Label lastRun = new Label(last == null ? "last run: none in 7 days"
                : "last run: " + last.state().name().toLowerCase(Locale.ROOT) + " · " + PipelineReports.time(last.completedTime()) + " UTC");
        lastRun.setId("task-last-" + name);
        lastRun.getStyleClass().add("task-detail");
        Label next = new Label(status.nextRun() == null ? "next run: —" : "next run: " + PipelineReports.time(status.nextRun()) + " UTC");
        next.getStyleClass().add("task-detail");
        VBox card = new VBox(4, title, stateLine, lastRun, next);
        if (status.lastRunFailed() && last.errorMessage() != null) {
            Label failure = new Label(last.errorMessage());
            failure.getStyleClass().add("task-error");
            failure.setWrapText(true);
            card.getChildren().add(failure);
        }
        card.setId("task-" + name);
        card.getStyleClass().addAll("task-node", stateClass(status));
        card.setPrefWidth(CARD_WIDTH);
        card.setMaxWidth(CARD_WIDTH);
        card.pseudoClassStateChanged(SELECTED, status.task().name().equals(selected));
        card.setOnMouseClicked(e -> {
            selected = status.task().name();
            cards.values().forEach(c -> c.pseudoClassStateChanged(SELECTED, c == card));
            onSelect.accept(status);
        });
        return card;
    }

    static String stateText(TaskStatus status) {
        return status.lastRunFailed() ? status.task().state().name().toLowerCase(Locale.ROOT) + " · failed"
                : status.task().state().name().toLowerCase(Locale.ROOT);
    }

    private static String stateClass(TaskStatus status) {
        if (status.lastRunFailed()) {
            return "task-failed";
        }
        return status.task().state() == TaskState.STARTED ? "task-started" : "task-suspended";
    }


    private int depthOf(String name, int guard) {
        Integer known = depth.get(name);
        if (known != null) {
            return known;
        }
        int deepest = 0;
        TaskStatus task = shown.stream().filter(t -> t.task().name().equalsIgnoreCase(name)).findFirst().orElse(null);
        if (task != null && guard < 100) {
            for (String predecessor : task.task().predecessors()) {
                if (cards.containsKey(predecessor.toUpperCase(Locale.ROOT))) {
                    deepest = Math.max(deepest, depthOf(predecessor.toUpperCase(Locale.ROOT), guard + 1) + 1);
                }
            }
        }
        depth.put(name, deepest);
        return deepest;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        Map<Integer, Double> nextX = new HashMap<>();
        Map<Integer, Double> rowHeight = new HashMap<>();
        for (Map.Entry<String, VBox> entry : cards.entrySet()) {
            rowHeight.merge(depthOf(entry.getKey(), 0), entry.getValue().prefHeight(CARD_WIDTH), Math::max);
        }
        Map<String, double[]> boxes = new HashMap<>();
        for (Map.Entry<String, VBox> entry : cards.entrySet()) {
            int row = depthOf(entry.getKey(), 0);
            VBox card = entry.getValue();
            double height = card.prefHeight(CARD_WIDTH);
            double y = MARGIN;
            for (int above = 0; above < row; above++) {
                y += rowHeight.getOrDefault(above, 0.0) + ROW_GAP;
            }
            double x = nextX.getOrDefault(row, MARGIN + row * 28.0);
            card.resizeRelocate(x, y, CARD_WIDTH, height);
            nextX.put(row, x + CARD_WIDTH + COLUMN_GAP);
            boxes.put(entry.getKey(), new double[]{x, y, CARD_WIDTH, height});
        }
        for (Node edge : edges) {
            if (edge instanceof Line line && line.getUserData() instanceof String[] ends) {
                double[] from = boxes.get(ends[0]);
                double[] to = boxes.get(ends[1]);
                line.setStartX(from[0] + 40);
                line.setStartY(from[1] + from[3]);
                line.setEndX(to[0] + 40);
                line.setEndY(to[1] - 6);
            }
        }
        for (Node edge : edges) {
            if (edge instanceof Polygon head && head.getUserData() instanceof Line line) {
                double x = line.getEndX();
                double y = line.getEndY();
                double angle = Math.atan2(line.getEndY() - line.getStartY(), line.getEndX() - line.getStartX());
                double size = 8;
                head.getPoints().setAll(x + 6 * Math.cos(angle), y + 6 * Math.sin(angle),
                        x - size * Math.cos(angle - 0.5), y - size * Math.sin(angle - 0.5),
                        x - size * Math.cos(angle + 0.5), y - size * Math.sin(angle + 0.5));
            }
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        Map<Integer, Integer> perRow = new HashMap<>();
        cards.keySet().forEach(k -> perRow.merge(depthOf(k, 0), 1, Integer::sum));
        double widest = 0;
        for (Map.Entry<Integer, Integer> row : perRow.entrySet()) {
            widest = Math.max(widest, row.getKey() * 28.0 + row.getValue() * (CARD_WIDTH + COLUMN_GAP));
        }
        return MARGIN * 2 + widest;
    }

    @Override
    protected double computePrefHeight(double width) {
        Map<Integer, Double> rowHeight = new HashMap<>();
        for (Map.Entry<String, VBox> entry : cards.entrySet()) {
            rowHeight.merge(depthOf(entry.getKey(), 0), entry.getValue().prefHeight(CARD_WIDTH), Math::max);
        }
        return MARGIN * 2 + rowHeight.values().stream().mapToDouble(h -> h + ROW_GAP).sum();
    }
}
