package dev.snowpulse.ui.workload;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;

/** The Workload tab's line charts, live and compared: numbers against seconds, no symbols, no animation. */
final class LineCharts {

    private LineCharts() {
    }

    static LineChart<Number, Number> create(String title, String xLabel, String unit, String id) {
        NumberAxis x = new NumberAxis();
        x.setLabel(xLabel);
        NumberAxis y = new NumberAxis();
        y.setLabel(unit);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.getStyleClass().add("live-chart");
        return chart;
    }
}
