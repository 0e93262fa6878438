package dev.snowpulse.ui.workload;

import dev.snowpulse.workload.LatencySummary;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

import java.util.List;

/**
 * The chart data of the run on screen: orders per second and p50/p95/p99 latency, one point per sample, x in seconds
 * since the start. The series are created once and their points appended and trimmed, never rebuilt, so a long run
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
        from.set(0);
        to.set(MIN_SPAN);
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
