package dev.snowpulse.ui.kpis;

import dev.snowpulse.kpi.KpiSnapshot;
import dev.snowpulse.kpi.WindowTotals;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The summary as TilesFX tiles: the all-time totals, and the window's figures each with its change against the
 * window before (the high-low skin's arrow and percentage).
 */
final class KpiTiles {

    /** Which tile shows what: the ids tests and exports use. */
    enum Kpi {
        TOTAL_ORDERS("Total orders", "all time", 0, s -> s.summary().totalOrders(), null),
        TOTAL_REVENUE("Total revenue", "all time", 2, s -> s.summary().totalRevenue().doubleValue(), null),
        ORDERS("Orders", null, 0, s -> s.summary().ordersWindow(), p -> (double) p.orders()),
        REVENUE("Revenue", null, 2, s -> s.summary().revenueWindow().doubleValue(), p -> p.revenue().doubleValue()),
        ACTIVE_CUSTOMERS("Active customers", null, 0, s -> s.summary().activeCustomersWindow(), p -> (double) p.activeCustomers()),
        AVG_ORDER_VALUE("Avg order value", null, 2, s -> s.summary().avgOrderValueWindow().doubleValue(), p -> p.avgOrderValue().doubleValue()),
        ORDERS_PER_MINUTE("Orders / min", null, 2, s -> s.summary().ordersPerMinuteWindow().doubleValue(), p -> p.ordersPerMinute().doubleValue());

        final String title;
        final String period; // null: the window control says it
        final int decimals;
        final Function<KpiSnapshot, Number> value;
        final Function<WindowTotals, Double> previous;

        Kpi(String title, String period, int decimals, Function<KpiSnapshot, Number> value, Function<WindowTotals, Double> previous) {
            this.title = title;
            this.period = period;
            this.decimals = decimals;
            this.value = value;
            this.previous = previous;
        }
    }

    private final Map<Kpi, Tile> tiles = new LinkedHashMap<>();
    // the trend sits over the tile in a label of our own: changing a Tile's texts at run time shrinks its title
    private final Map<Kpi, javafx.scene.control.Label> trends = new LinkedHashMap<>();
    // the value too: the NUMBER skin re-measures its own value text on a theme or frame change and leaves it shrunk
    private final Map<Kpi, javafx.scene.control.Label> values = new LinkedHashMap<>();
    private final HBox row = new HBox(8);

    KpiTiles() {
        for (Kpi kpi : Kpi.values()) {
            Tile tile = TileBuilder.create()
                    .skinType(Tile.SkinType.NUMBER)
                    // blank, not empty: the skin keeps the value's place; our labels draw title and period over it
                    .title(" ")
                    .text(" ")
                    .decimals(kpi.decimals)
                    .customDecimalFormatEnabled(true)
                    .customDecimalFormat(new java.text.DecimalFormat(kpi.decimals == 0 ? "#,##0" : "#,##0.00",
                            java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)))
                    .valueVisible(false)
                    .animated(false)
                    .prefSize(165, 118)
                    .minSize(120, 110)
                    .maxSize(Double.MAX_VALUE, 118)
                    .build();
            tile.setId("tile-" + kpi.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            tiles.put(kpi, tile);
            javafx.scene.control.Label value = new javafx.scene.control.Label(NOT_READ);
            value.setId("value-" + kpi.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            value.getStyleClass().add("tile-value");
            value.setMouseTransparent(true);
            value.setMinWidth(0);
            javafx.scene.layout.StackPane.setAlignment(value, Pos.CENTER_LEFT);
            javafx.scene.layout.StackPane.setMargin(value, new javafx.geometry.Insets(4, 10, 0, 10));
            values.put(kpi, value);
            javafx.scene.control.Label trend = new javafx.scene.control.Label();
            trend.setId("trend-" + kpi.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            trend.getStyleClass().add("tile-trend");
            trend.setMouseTransparent(true);
            javafx.scene.layout.StackPane.setAlignment(trend, Pos.BOTTOM_RIGHT);
            javafx.scene.layout.StackPane.setMargin(trend, new javafx.geometry.Insets(0, 10, 8, 0));
            trends.put(kpi, trend);
            javafx.scene.control.Label title = new javafx.scene.control.Label(kpi.title);
            title.getStyleClass().add("tile-title");
            title.setMouseTransparent(true);
            javafx.scene.layout.StackPane.setAlignment(title, Pos.TOP_LEFT);
            javafx.scene.layout.StackPane.setMargin(title, new javafx.geometry.Insets(8, 0, 0, 10));
            javafx.scene.layout.StackPane cell = new javafx.scene.layout.StackPane(tile, value, title, trend);
            // the window tiles leave their period to the window control above them, and give the room to the trend
            if (kpi.period != null) {
                javafx.scene.control.Label period = new javafx.scene.control.Label(kpi.period);
                period.getStyleClass().add("tile-period");
                period.setMouseTransparent(true);
                javafx.scene.layout.StackPane.setAlignment(period, Pos.BOTTOM_LEFT);
                javafx.scene.layout.StackPane.setMargin(period, new javafx.geometry.Insets(0, 0, 8, 10));
                cell.getChildren().add(period);
            }
            cell.setMinWidth(120);
            HBox.setHgrow(cell, Priority.ALWAYS);
            row.getChildren().add(cell);
        }
        row.setAlignment(Pos.CENTER_LEFT);
    }

    HBox node() {
        return row;
    }

    static final int COUNT = Kpi.values().length;

    /** What a tile shows for a value never read: a dash, never an invented zero (the banner says why). */
    static final String NOT_READ = "—";

    /** Every tile back to "not read": no profile's figures yet, or the last ones belonged to another profile. */
    void unread() {
        values.values().forEach(v -> v.setText(NOT_READ));
        trends.values().forEach(t -> t.setText(""));
    }

    /** Shows the figures of tiles {@code from} (inclusive) to {@code to} (exclusive), in the order of {@link Kpi}. */
    void show(KpiSnapshot s, int from, int to) {
        for (Kpi kpi : java.util.Arrays.copyOfRange(Kpi.values(), from, to)) {
            Tile tile = tiles.get(kpi);
            double value = kpi.value.apply(s).doubleValue();
            if (kpi.previous != null) {
                double previous = kpi.previous.apply(s.previous());
                Trend trend = Trend.of(value, previous);
                javafx.scene.control.Label label = trends.get(kpi);
                label.setText(trend.text() + " vs " + format(previous, kpi.decimals));
                label.setTextFill(trend.colour());
            }
            tile.setValue(value);
            values.get(kpi).setText(format(value, kpi.decimals));
        }
    }

    void stale(boolean stale) {
        tiles.values().forEach(t -> t.setOpacity(stale ? 0.55 : 1));
        values.values().forEach(v -> v.setOpacity(stale ? 0.55 : 1));
    }

    /** The change against the previous window, as an arrow and a percentage. */
    record Trend(String text, javafx.scene.paint.Color colour) {

        private static final javafx.scene.paint.Color UP = javafx.scene.paint.Color.web("#66BB6A");
        private static final javafx.scene.paint.Color DOWN = javafx.scene.paint.Color.web("#EF5350");
        private static final javafx.scene.paint.Color FLAT = javafx.scene.paint.Color.web("#B0BEC5");

        static Trend of(double now, double before) {
            if (before == 0) {
                return now == 0 ? new Trend("= 0", FLAT) : new Trend("▲ new", UP);
            }
            double change = (now - before) / Math.abs(before) * 100;
            if (Math.abs(change) < 0.05) {
                return new Trend("= 0%", FLAT);
            }
            return new Trend(String.format(java.util.Locale.ROOT, "%s %.1f%%", change > 0 ? "▲" : "▼", Math.abs(change)), change > 0 ? UP : DOWN);
        }
    }

    private static String format(double value, int decimals) {
        return String.format(java.util.Locale.ROOT, decimals == 0 ? "%,.0f" : "%,.2f", value);
    }
}
