package dev.snowpulse.archfixture.ui.one;

import javafx.scene.chart.XYChart;

/** Breaks the rule that view models expose no javafx.scene types: it hands out a chart's series. */
public final class ChartViewModel {

    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();

    public XYChart.Series<Number, Number> series() {
        return series;
    }
}
