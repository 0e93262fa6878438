package dev.snowpulse.ui.workload;

import dev.snowpulse.workload.LatencySummary;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

import java.util.List;

/**
 * The chart data of the run on screen: orders per second (for a script mix, all and each script's) and p50/p95/p99
 * latency, one point per sample, x in seconds since the start. The series are created once and their points appended and trimmed, never rebuilt, so a long run
 * costs the chart no more than the last {@link #WINDOW} points.
 */
public final class LiveRunSeries {

    /** Ten minutes at one point a second. */
    static final int WINDOW = 600;
    private static final double MIN_SPAN = 10;

    private final XYChart.Series<Number, Number> throughput = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> p50 = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> p95 = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> p99 = new XYChart.Series<>();
    // the run's rate first, then a mix's scripts one by one
    private final ObservableList<XYChart.Series<Number, Number>> rates = javafx.collections.FXCollections.observableArrayList(throughput);

    LiveRunSeries() {
        throughput.setName("orders/s");
        p50.setName("p50");
        p95.setName("p95");
        p99.setName("p99");
    }

    private final DoubleProperty from = new SimpleDoubleProperty(0);
    private final DoubleProperty to = new SimpleDoubleProperty(MIN_SPAN);

    void clear() {
        for (XYChart.Series<Number, Number> series : List.of(throughput, p50, p95, p99)) {
            series.getData().clear();
        }
        rates.remove(1, rates.size());
        throughput.setName("orders/s");
        from.set(0);
        to.set(MIN_SPAN);
    }

    /** A mix of these scripts: a line each beside the run's, named as the run names them. */
    void scripts(List<String> names) {
        rates.remove(1, rates.size());
        if (names.size() > 1) {
            throughput.setName("all");
            for (String name : names) {
                XYChart.Series<Number, Number> series = new XYChart.Series<>();
                series.setName(name);
                rates.add(series);
            }
        }
    }

    /** With each script's rate, in the order {@link #scripts} named them (none for place_order or one script). */
    void add(double seconds, double ordersPerSecond, LatencySummary latency, List<Double> scriptRates) {
        for (int i = 0; i < scriptRates.size() && i + 1 < rates.size(); i++) {
            append(rates.get(i + 1), seconds, scriptRates.get(i));
        }
        add(seconds, ordersPerSecond, latency);
    }

    void add(double seconds, double ordersPerSecond, LatencySummary latency) {
        append(throughput, seconds, ordersPerSecond);
        double first = throughput.getData().getFirst().getXValue().doubleValue();
        from.set(first > 1 ? Math.floor(first) : 0);
        to.set(Math.max(from.get() + MIN_SPAN, Math.ceil(seconds)));
        if (latency.count() > 0) {
            append(p50, seconds, latency.p50());
            append(p95, seconds, latency.p95());
            append(p99, seconds, latency.p99());
        }
    }

    /**
     * A run over before its first sample (under a second) still gets a line: its whole-run rate and percentiles,
     * drawn flat from start to end, since a single point draws nothing on a chart without symbols.
     */
    void wholeRunIfEmpty(double seconds, double ordersPerSecond, LatencySummary latency) {
        if (throughput.getData().isEmpty() && seconds > 0) {
            add(0, ordersPerSecond, latency);
            add(seconds, ordersPerSecond, latency);
        }
    }

    private static void append(XYChart.Series<Number, Number> series, double x, double y) {
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        if (data.size() >= WINDOW) {
            data.remove(0, data.size() - WINDOW + 1);
        }
        data.add(new XYChart.Data<>(x, y));
    }

    public XYChart.Series<Number, Number> throughput() {
        return throughput;
    }

    /** The throughput chart's lines: the run's, then a mix's scripts. */
    public ObservableList<XYChart.Series<Number, Number>> rates() {
        return rates;
    }

    public List<XYChart.Series<Number, Number>> latency() {
        return List.of(p50, p95, p99);
    }

    /** The time span both charts show, in seconds since the start: the same for both, so they line up. */
    public ReadOnlyDoubleProperty fromProperty() {
        return from;
    }

    public ReadOnlyDoubleProperty toProperty() {
        return to;
    }
}
