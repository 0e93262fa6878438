package dev.snowpulse.ui.kpis;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;

/** Marks the bars of products low on stock with the :low pseudo-class, as the set of such products changes. */
final class LowStockMarks {

    static final PseudoClass LOW = PseudoClass.getPseudoClass("low");

    private LowStockMarks() {
    }

    static void follow(XYChart.Series<Number, String> stock, ObservableSet<String> low) {
        stock.getData().addListener((ListChangeListener<XYChart.Data<Number, String>>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(point -> {
                    mark(point, low);
                    // a bar's node exists only once the chart has drawn the point
                    point.nodeProperty().addListener((obs, old, now) -> mark(point, low));
                });
            }
        });
        low.addListener((SetChangeListener<String>) change -> stock.getData().forEach(point -> mark(point, low)));
    }

    private static void mark(XYChart.Data<Number, String> point, ObservableSet<String> low) {
        Node bar = point.getNode();
        if (bar != null) {
            bar.pseudoClassStateChanged(LOW, low.contains(point.getYValue()));
        }
    }
}
