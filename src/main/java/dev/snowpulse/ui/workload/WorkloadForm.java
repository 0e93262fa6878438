package dev.snowpulse.ui.workload;

import dev.snowpulse.format.Durations;
import dev.snowpulse.workload.IngestSpec;
import dev.snowpulse.validation.FieldError;
import dev.snowpulse.validation.Checks;
import dev.snowpulse.schema.Restock;
import dev.snowpulse.workload.WorkloadSpec;
import dev.snowpulse.workload.script.ScriptChoice;
import dev.snowpulse.workload.script.Value;
import dev.snowpulse.workload.threshold.Threshold;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.util.Locale;

/**
 * The Workload tab's inputs, as typed: nothing is lost when a value is wrong. {@link #workloadSpec()} and
 * {@link #ingestSpec()} read them into validated specs or say which field to fix, and {@link #invalidFieldProperty()}
 * names that field so the view can mark it.
 */
public final class WorkloadForm {

    /** What ends a run: a number of orders per worker, or a duration. */
    public enum StopAfter {
        ORDERS("orders per worker"), DURATION("a duration");

        private final String label;

        StopAfter(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public enum Field { WORKERS, ORDERS_PER_WORKER, DURATION, MAX_CUSTOMERS, MAX_PRODUCTS, MIN_QUANTITY, MAX_QUANTITY, RATE, WARM_UP,
        THRESHOLDS, INGEST_INTERVAL, INGEST_BATCH_SIZE, RESTOCK_UNITS, SCALE, MAX_TRIES }

    /**
     * The pgbench scripts a run is to mix, read from the form but not yet from disk or the database: the planner
     * ({@link dev.snowpulse.workload.ScriptRunPlanner}) does that off the FX thread. {@code scale} null: pgbench's rule.
     */
    public record ScriptRequest(java.util.List<ScriptChoice> choices, Long scale, int maxTries,
                                java.util.Map<String, Value> definitions) {
    }

    /** Units per product a restock before a run sets by default: enough for minutes of a fast run on the demo's ten products. */
    public static final int DEFAULT_RESTOCK_UNITS = 1_000_000;

    private final StringProperty workers = new SimpleStringProperty();
    private final ObjectProperty<StopAfter> stopAfter = new SimpleObjectProperty<>();
    private final StringProperty ordersPerWorker = new SimpleStringProperty();
    private final StringProperty duration = new SimpleStringProperty();
    private final StringProperty maxCustomers = new SimpleStringProperty();
    private final StringProperty maxProducts = new SimpleStringProperty();
    private final StringProperty minQuantity = new SimpleStringProperty();
    private final StringProperty maxQuantity = new SimpleStringProperty();
    private final StringProperty rate = new SimpleStringProperty();
    private final StringProperty warmUp = new SimpleStringProperty();
    private final StringProperty thresholds = new SimpleStringProperty("");
    private final StringProperty ingestInterval = new SimpleStringProperty();
    private final StringProperty ingestBatchSize = new SimpleStringProperty();
    private final ObjectProperty<Field> invalidField = new SimpleObjectProperty<>();
    private final javafx.beans.property.BooleanProperty restockFirst = new javafx.beans.property.SimpleBooleanProperty();
    private final StringProperty restockUnits = new SimpleStringProperty(String.format(Locale.ROOT, "%,d", DEFAULT_RESTOCK_UNITS));
    private final ScriptMix scripts = new ScriptMix();

    public WorkloadForm() {
        seedDefaults();
    }

    /** The seed project's run_workload and continuous_ingest defaults. */
    public void seedDefaults() {
        WorkloadSpec seed = WorkloadSpec.seedDefaults();
        IngestSpec ingest = IngestSpec.seedDefaults();
        workers.set(Integer.toString(seed.workers()));
        stopAfter.set(StopAfter.ORDERS);
        ordersPerWorker.set(Integer.toString(seed.ordersPerWorker()));
        duration.set("30s");
        maxCustomers.set(Integer.toString(seed.maxCustomers()));
        maxProducts.set(Integer.toString(seed.maxProducts()));
        minQuantity.set(Integer.toString(seed.minQuantity()));
        maxQuantity.set(Integer.toString(seed.maxQuantity()));
        rate.set("");
        warmUp.set("0s");
        thresholds.set("");
        ingestInterval.set(Durations.format(ingest.interval()));
        ingestBatchSize.set(Integer.toString(ingest.batchSize()));
        scripts.reset();
        invalidField.set(null);
    }

    /** What each transaction is: place_order, or the scripts listed. */
    public ScriptMix scripts() {
        return scripts;
    }

    /**
     * The scripts to run, when the form runs scripts: their choices, scale and tries, and the demo's ranges as the
     * variables {@code :max_customers} ... that the place-order script uses (as the CLI defines them); throws naming
     * what to fix.
     */
    public java.util.Optional<ScriptRequest> scriptRequest() {
        if (!scripts.scripted()) {
            return java.util.Optional.empty();
        }
        invalidField.set(null);
        java.util.List<ScriptChoice> choices = scripts.choices();
        Long scale = blank(scripts.scaleProperty().get()) ? null : (long) whole(Field.SCALE, "Scale", scripts.scaleProperty().get());
        if (scale != null && scale < 1) {
            invalidField.set(Field.SCALE);
            throw new IllegalArgumentException("Scale: " + scale + " must be 1 or more (leave it empty for pgbench's rule)");
        }
        int tries = whole(Field.MAX_TRIES, "Max tries", scripts.maxTriesProperty().get());
        if (tries < 1 || tries > 1000) {
            invalidField.set(Field.MAX_TRIES);
            throw new IllegalArgumentException("Max tries: " + tries + " is outside 1..1000");
        }
        java.util.Map<String, Value> definitions = new java.util.HashMap<>();
        definitions.put("max_customers", Value.of((long) whole(Field.MAX_CUSTOMERS, "Max customers", maxCustomers.get())));
        definitions.put("max_products", Value.of((long) whole(Field.MAX_PRODUCTS, "Max products", maxProducts.get())));
        definitions.put("min_quantity", Value.of((long) whole(Field.MIN_QUANTITY, "Quantity from", minQuantity.get())));
        definitions.put("max_quantity", Value.of((long) whole(Field.MAX_QUANTITY, "Quantity to", maxQuantity.get())));
        return java.util.Optional.of(new ScriptRequest(choices, scale, tries, definitions));
    }

    /** The run as typed; throws {@link IllegalArgumentException} naming the field to fix. */
    public WorkloadSpec workloadSpec() {
        invalidField.set(null);
        int w = whole(Field.WORKERS, "Workers", workers.get());
        Integer each = stopAfter.get() == StopAfter.ORDERS ? whole(Field.ORDERS_PER_WORKER, "Orders per worker", ordersPerWorker.get()) : null;
        Duration d = stopAfter.get() == StopAfter.DURATION ? duration(Field.DURATION, "Duration", duration.get()) : null;
        int customers = whole(Field.MAX_CUSTOMERS, "Max customers", maxCustomers.get());
        int products = whole(Field.MAX_PRODUCTS, "Max products", maxProducts.get());
        int min = whole(Field.MIN_QUANTITY, "Quantity from", minQuantity.get());
        int max = whole(Field.MAX_QUANTITY, "Quantity to", maxQuantity.get());
        Double r = blank(rate.get()) ? null : decimal(Field.RATE, "Target rate", rate.get());
        Duration warm = blank(warmUp.get()) || warmUp.get().strip().equals("0") || warmUp.get().strip().equals("0s")
                ? Duration.ZERO : duration(Field.WARM_UP, "Warm-up", warmUp.get());
        java.util.List<Threshold> checks = thresholds();
        try {
            return new WorkloadSpec(w, each, d, customers, products, min, max, r, warm).withThresholds(checks);
        } catch (FieldError e) {
            invalidField.set(FIELDS.get(e.field()));
            throw new IllegalArgumentException(capitalised(e.getMessage()), e);
        }
    }

    /** "p95<20ms, errors<1%": conditions separated by commas, as the CLI's --threshold takes them one by one. */
    private java.util.List<Threshold> thresholds() {
        java.util.List<Threshold> checks = new java.util.ArrayList<>();
        for (String text : thresholds.get() == null ? new String[0] : thresholds.get().strip().split("[,;]")) {
            if (text.isBlank()) {
                continue;
            }
            try {
                checks.add(Threshold.parse(text.strip()));
            } catch (IllegalArgumentException e) {
                invalidField.set(Field.THRESHOLDS);
                throw new IllegalArgumentException("Thresholds: " + e.getMessage().replaceFirst("^threshold ", ""), e);
            }
        }
        return checks;
    }

    /**
     * Units per product to reset the demo data to before the run (as `snowpulse init --reset-data --stock N`), or
     * empty when the run starts on the stock as it is; throws naming the field when the number is not one.
     */
    public java.util.Optional<Restock> restock() {
        // a restock refills the demo's products, which only place_order sells
        if (!restockFirst.get() || scripts.scripted()) {
            return java.util.Optional.empty();
        }
        invalidField.set(null);
        try {
            return java.util.Optional.of(Restock.typed(restockUnits.get()));
        } catch (FieldError e) {
            invalidField.set(Field.RESTOCK_UNITS);
            throw new IllegalArgumentException("Restock units: " + e.reason(), e);
        }
    }

    /** Calls {@code edited} whenever any field of the form changes. */
    public void onEdit(Runnable edited) {
        javafx.beans.InvalidationListener listener = o -> edited.run();
        for (javafx.beans.Observable field : java.util.List.of(workers, stopAfter, ordersPerWorker, duration, maxCustomers, maxProducts,
                minQuantity, maxQuantity, rate, warmUp, thresholds, ingestInterval, ingestBatchSize, restockFirst, restockUnits,
                scripts.transactionProperty(), scripts.rows(), scripts.scaleProperty(), scripts.maxTriesProperty())) {
            field.addListener(listener);
        }
    }

    public javafx.beans.property.BooleanProperty restockFirstProperty() {
        return restockFirst;
    }

    public StringProperty restockUnitsProperty() {
        return restockUnits;
    }

    /** Continuous ingest with this form's customers, products and quantities. */
    public IngestSpec ingestSpec() {
        invalidField.set(null);
        Duration interval = duration(Field.INGEST_INTERVAL, "Ingest interval", ingestInterval.get());
        int batch = whole(Field.INGEST_BATCH_SIZE, "Batch size", ingestBatchSize.get());
        int customers = whole(Field.MAX_CUSTOMERS, "Max customers", maxCustomers.get());
        int products = whole(Field.MAX_PRODUCTS, "Max products", maxProducts.get());
        int min = whole(Field.MIN_QUANTITY, "Quantity from", minQuantity.get());
        int max = whole(Field.MAX_QUANTITY, "Quantity to", maxQuantity.get());
        try {
            return new IngestSpec(interval, batch, customers, products, min, max, null);
        } catch (FieldError e) {
            invalidField.set(FIELDS.get(e.field()));
            // the form labels the interval as an ingest's, beside the run's duration
            throw new IllegalArgumentException(e.field().equals(IngestSpec.INTERVAL) ? "Ingest interval: " + e.reason()
                    : capitalised(e.getMessage()), e);
        }
    }

    private int whole(Field field, String label, String text) {
        try {
            return Checks.wholeNumber(field.name(), label, text);
        } catch (FieldError e) {
            invalidField.set(field);
            throw e;
        }
    }

    private double decimal(Field field, String label, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            invalidField.set(field);
            throw new IllegalArgumentException(label + ": '" + text.strip() + "' is not a number of orders per second (leave it empty for as fast as possible)");
        }
    }

    private Duration duration(Field field, String label, String text) {
        try {
            return Durations.parse(text, label);
        } catch (IllegalArgumentException e) {
            invalidField.set(field);
            throw e;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The form's input for each field a spec's constructor may refuse. */
    private static final java.util.Map<String, Field> FIELDS = java.util.Map.ofEntries(
            java.util.Map.entry(WorkloadSpec.WORKERS, Field.WORKERS),
            java.util.Map.entry(WorkloadSpec.ORDERS_PER_WORKER, Field.ORDERS_PER_WORKER),
            java.util.Map.entry(WorkloadSpec.DURATION, Field.DURATION),
            java.util.Map.entry(WorkloadSpec.MAX_CUSTOMERS, Field.MAX_CUSTOMERS),
            java.util.Map.entry(WorkloadSpec.MAX_PRODUCTS, Field.MAX_PRODUCTS),
            java.util.Map.entry(WorkloadSpec.MIN_QUANTITY, Field.MIN_QUANTITY),
            java.util.Map.entry(WorkloadSpec.MAX_QUANTITY, Field.MAX_QUANTITY),
            java.util.Map.entry(WorkloadSpec.RATE, Field.RATE),
            java.util.Map.entry(WorkloadSpec.WARM_UP, Field.WARM_UP),
            java.util.Map.entry(IngestSpec.INTERVAL, Field.INGEST_INTERVAL),
            java.util.Map.entry(IngestSpec.BATCH_SIZE, Field.INGEST_BATCH_SIZE));

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    public StringProperty workersProperty() {
        return workers;
    }

    public ObjectProperty<StopAfter> stopAfterProperty() {
        return stopAfter;
    }

    public StringProperty ordersPerWorkerProperty() {
        return ordersPerWorker;
    }

    public StringProperty durationProperty() {
        return duration;
    }

    public StringProperty maxCustomersProperty() {
        return maxCustomers;
    }

    public StringProperty maxProductsProperty() {
        return maxProducts;
    }

    public StringProperty minQuantityProperty() {
        return minQuantity;
    }

    public StringProperty maxQuantityProperty() {
        return maxQuantity;
    }

    public StringProperty rateProperty() {
        return rate;
    }

    public StringProperty warmUpProperty() {
        return warmUp;
    }

    public StringProperty thresholdsProperty() {
        return thresholds;
    }

    public StringProperty ingestIntervalProperty() {
        return ingestInterval;
    }

    public StringProperty ingestBatchSizeProperty() {
        return ingestBatchSize;
    }

    public ObjectProperty<Field> invalidFieldProperty() {
        return invalidField;
    }
}
