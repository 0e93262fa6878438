package dev.snowpulse.ui.kpis;

import dev.snowpulse.kpi.RecentOrder;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One line of the recent-orders table, kept from refresh to refresh: a refresh sets its texts, which repaints the
 * cells' text only. Replacing the table's items instead rebuilds its rows and costs a long CSS and layout pass under
 * load (measured with src/bench/fx-pulse-benchmark.sh).
 */
public final class RecentOrderRow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final StringProperty time = new SimpleStringProperty("");
    private final StringProperty customer = new SimpleStringProperty("");
    private final StringProperty product = new SimpleStringProperty("");
    private final StringProperty quantity = new SimpleStringProperty("");
    private final StringProperty total = new SimpleStringProperty("");
    private RecentOrder order;

    void show(RecentOrder o) {
        if (o.equals(order)) {
            return;
        }
        order = o;
        time.set(TIME.format(o.at()));
        customer.set(o.customer());
        product.set(o.product());
        quantity.set(Integer.toString(o.quantity()));
        total.set(o.total().setScale(2, RoundingMode.HALF_UP).toPlainString());
    }

    public RecentOrder order() {
        return order;
    }

    public ReadOnlyStringProperty timeProperty() {
        return time;
    }

    public ReadOnlyStringProperty customerProperty() {
        return customer;
    }

    public ReadOnlyStringProperty productProperty() {
        return product;
    }

    public ReadOnlyStringProperty quantityProperty() {
        return quantity;
    }

    public ReadOnlyStringProperty totalProperty() {
        return total;
    }
}
