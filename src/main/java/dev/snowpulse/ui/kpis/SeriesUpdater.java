package dev.snowpulse.ui.kpis;

import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Brings a chart series to new values in place: points whose key is still there get their new value, new keys are
 * added, gone keys removed. The chart keeps its nodes, so a refresh does not rebuild it.
 */
final class SeriesUpdater {

    private SeriesUpdater() {
    }

    /** A category chart: x is the key. */
    static <T> void byCategory(XYChart.Series<String, Number> series, List<T> items, Function<T, String> key, Function<T, Number> value) {
        ObservableList<XYChart.Data<String, Number>> data = series.getData();
        Map<String, T> wanted = new java.util.LinkedHashMap<>();
        items.forEach(item -> wanted.put(key.apply(item), item));
        data.removeIf(d -> !wanted.containsKey(d.getXValue()));
        Map<String, XYChart.Data<String, Number>> present = new HashMap<>();
        data.forEach(d -> present.put(d.getXValue(), d));
        int index = 0;
        for (Map.Entry<String, T> entry : wanted.entrySet()) {
            XYChart.Data<String, Number> point = present.get(entry.getKey());
            Number y = value.apply(entry.getValue());
            if (point == null) {
                data.add(Math.min(index, data.size()), new XYChart.Data<>(entry.getKey(), y));
            } else if (!point.getYValue().equals(y)) {
                point.setYValue(y);
            }
            index++;
        }
    }

    /** A horizontal category chart: y is the key. */
    static <T> void byCategoryHorizontal(XYChart.Series<Number, String> series, List<T> items, Function<T, String> key, Function<T, Number> value) {
        ObservableList<XYChart.Data<Number, String>> data = series.getData();
        Map<String, T> wanted = new java.util.LinkedHashMap<>();
        items.forEach(item -> wanted.put(key.apply(item), item));
        if (!data.stream().map(XYChart.Data::getYValue).toList().equals(List.copyOf(wanted.keySet()))) {
            // a ranking changed order: the bars must follow, so this series is refilled (it stays the same series)
            data.setAll(wanted.entrySet().stream().map(e -> new XYChart.Data<>(value.apply(e.getValue()), e.getKey())).toList());
            return;
        }
        data.removeIf(d -> !wanted.containsKey(d.getYValue()));
        Map<String, XYChart.Data<Number, String>> present = new HashMap<>();
        data.forEach(d -> present.put(d.getYValue(), d));
        for (Map.Entry<String, T> entry : wanted.entrySet()) {
            XYChart.Data<Number, String> point = present.get(entry.getKey());
            Number x = value.apply(entry.getValue());
            if (point == null) {
                data.add(new XYChart.Data<>(x, entry.getKey()));
            } else if (!point.getXValue().equals(x)) {
                point.setXValue(x);
            }
        }
    }

    /** A numeric series of the same length each time (the window's minutes): values replaced point by point. */
    static void numeric(XYChart.Series<Number, Number> series, double[] xs, double[] ys) {
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        if (data.size() > xs.length) {
            data.remove(xs.length, data.size());
        }
        for (int i = 0; i < xs.length; i++) {
            if (i < data.size()) {
                XYChart.Data<Number, Number> point = data.get(i);
                if (point.getXValue().doubleValue() != xs[i]) {
                    point.setXValue(xs[i]);
                }
                if (point.getYValue().doubleValue() != ys[i]) {
                    point.setYValue(ys[i]);
                }
            } else {
                data.add(new XYChart.Data<>(xs[i], ys[i]));
            }
        }
    }
}
