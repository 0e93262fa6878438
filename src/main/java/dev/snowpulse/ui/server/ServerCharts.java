package dev.snowpulse.ui.server;

import dev.snowpulse.ui.common.LineCharts;
import dev.snowpulse.server.ServerRates;
import dev.snowpulse.server.SessionState;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Server tab's four live charts, drawn from the view model's samples: each new sample adds one point to every
 * series and the oldest point past the window goes, so a refresh never redraws a whole chart.
 */
final class ServerCharts {

    private record Line(XYChart.Series<Number, Number> series, Function<ServerSample, Double> value) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final List<NumberAxis> timeAxes = new ArrayList<>();
    final LineChart<Number, Number> transactions = chart("serverTransactionsChart");
    final LineChart<Number, Number> sessions = chart("serverSessionsChart");
    final LineChart<Number, Number> tuples = chart("serverTuplesChart");
    final LineChart<Number, Number> blocks = chart("serverBlocksChart");

    ServerCharts(ObservableList<ServerSample> samples) {
        line(transactions, "commits", s -> s.rates().commits());
        line(transactions, "rollbacks", s -> s.rates().rollbacks());
        for (SessionState state : List.of(SessionState.ACTIVE, SessionState.WAITING_ON_LOCK, SessionState.IDLE_IN_TRANSACTION, SessionState.IDLE)) {
            line(sessions, state.label(), s -> s.sessions().getOrDefault(state, 0).doubleValue());
        }
        line(tuples, "returned", s -> s.rates().tuplesReturned());
        line(tuples, "fetched", s -> s.rates().tuplesFetched());
        line(tuples, "inserted", s -> s.rates().tuplesInserted());
        line(tuples, "updated", s -> s.rates().tuplesUpdated());
        line(tuples, "deleted", s -> s.rates().tuplesDeleted());
        line(blocks, "read from disk", s -> s.rates().blocksRead());
        line(blocks, "cache hits", s -> s.rates().blocksHit());
        samples.addListener((ListChangeListener<ServerSample>) c -> follow(samples));
    }

    private void follow(ObservableList<ServerSample> samples) {
        if (samples.isEmpty()) {
            lines.forEach(l -> l.series().getData().clear());
            return;
        }
        ServerSample last = samples.getLast();
        // a window that scrolls with whole-second bounds: auto-ranging would pick a new unit each second
        double upper = Math.max(10, Math.ceil(last.seconds()));
        double lower = Math.max(0, Math.floor(samples.getFirst().seconds()));
        double span = upper - lower;
        for (NumberAxis axis : timeAxes) {
            axis.setLowerBound(lower);
            axis.setUpperBound(upper);
            axis.setTickUnit(span > 60 ? 20 : span > 30 ? 10 : 5);
        }
        for (Line line : lines) {
            Double value = line.value().apply(last);
            ObservableList<XYChart.Data<Number, Number>> data = line.series().getData();
            if (value != null) {
                data.add(new XYChart.Data<>(last.seconds(), value));
            }
            double oldest = samples.getFirst().seconds();
            while (!data.isEmpty() && data.getFirst().getXValue().doubleValue() < oldest) {
                data.removeFirst();
            }
        }
    }

    private final java.util.Map<LineChart<Number, Number>, javafx.scene.layout.FlowPane> legends = new java.util.HashMap<>();

    private void line(LineChart<Number, Number> chart, String name, Function<ServerSample, Double> value) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        chart.getData().add(series);
        lines.add(new Line(series, value));
        javafx.scene.layout.Region swatch = new javafx.scene.layout.Region();
        // modena colours a line symbol with this class as it colours the series' line
        swatch.getStyleClass().addAll("chart-line-symbol", "default-color" + (chart.getData().size() - 1) % 8, "legend-swatch");
        javafx.scene.control.Label item = new javafx.scene.control.Label(name, swatch);
        item.getStyleClass().add("hint");
        legends.computeIfAbsent(chart, c -> {
            javafx.scene.layout.FlowPane pane = new javafx.scene.layout.FlowPane(10, 0);
            pane.setId(c.getId() + "Legend");
            return pane;
        }).getChildren().add(item);
    }

    /** The names and colours of a chart's lines. */
    javafx.scene.Node legend(LineChart<Number, Number> chart) {
        return legends.get(chart);
    }

    private LineChart<Number, Number> chart(String id) {
        NumberAxis time = new NumberAxis(0, 10, 5);
        time.setAutoRanging(false);
        timeAxes.add(time);
        time.setMinorTickVisible(false);
        NumberAxis values = new NumberAxis();
        values.setMinorTickVisible(false);
        LineChart<Number, Number> chart = LineCharts.of(time, values, id);
        // a legend of the tab's own above the plot: the chart's own one gives way first when a chart is this small
        chart.setLegendVisible(false);
        chart.setMinHeight(0);
        chart.setMinWidth(0);
        return chart;
    }

    /** "99.2 % cached" for the interval, or empty before two reads. */
    static String hitRatio(ServerRates rates) {
        if (rates == null || rates.cacheHitRatio() == null) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "%.1f %% cached", rates.cacheHitRatio() * 100);
    }
}
