package dev.snowpulse.ui.common;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;

/** The live tabs' line charts: numbers against seconds, no symbols, no animation, styled as the app's live charts. */
public final class LineCharts {

    private LineCharts() {
    }

    /** On axes the caller has set up (a fixed time window, no labels ...). */
    public static LineChart<Number, Number> of(NumberAxis x, NumberAxis y, String id) {
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.getStyleClass().add("live-chart");
        return chart;
    }

    /** With a title and labelled axes. */
    public static LineChart<Number, Number> create(String title, String xLabel, String unit, String id) {
        NumberAxis x = new NumberAxis();
        x.setLabel(xLabel);
        NumberAxis y = new NumberAxis();
        y.setLabel(unit);
        LineChart<Number, Number> chart = of(x, y, id);
        chart.setTitle(title);
        return chart;
    }
}
