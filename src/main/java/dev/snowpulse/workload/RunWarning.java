package dev.snowpulse.workload;

import java.util.Locale;

/**
 * Something about the target that will spoil a run's figures, found before its clock starts. The finding is the
 * same everywhere; what to do about it depends on the face (an option on the command line, a control in the app).
 *
 * @param limit the value the remedy sets: the highest id there is, or the units in stock
 */
public record RunWarning(Kind kind, String finding, long limit) {

    public enum Kind { THIN_STOCK, CUSTOMERS_BEYOND, PRODUCTS_BEYOND, NO_CUSTOMERS, NO_PRODUCTS }

    /** The warning with the command line's remedy. */
    public String withCliRemedy() {
        return finding + " (" + switch (kind) {
            case THIN_STOCK -> "restock first: `snowpulse init --reset-data --stock N`";
            case CUSTOMERS_BEYOND -> String.format(Locale.ROOT, "lower --max-customers to %d", limit);
            case PRODUCTS_BEYOND -> String.format(Locale.ROOT, "lower --max-products to %d", limit);
            case NO_CUSTOMERS, NO_PRODUCTS -> "load the demo data: `snowpulse init`";
        } + ")";
    }

    /** The warning with the desktop app's remedy, naming the control to change. */
    public String withAppRemedy() {
        return finding + " (" + switch (kind) {
            case THIN_STOCK -> "tick Restock first above";
            case CUSTOMERS_BEYOND -> String.format(Locale.ROOT, "set Customers 1 to %d", limit);
            case PRODUCTS_BEYOND -> String.format(Locale.ROOT, "set Products 1 to %d", limit);
            case NO_CUSTOMERS, NO_PRODUCTS -> "Reset demo data on the Schema tab";
        } + ")";
    }
}
