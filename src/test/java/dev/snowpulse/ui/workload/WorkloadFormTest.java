package dev.snowpulse.ui.workload;

import dev.snowpulse.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadFormTest {

    private final WorkloadForm form = new WorkloadForm();

    @Test
    void startsWithTheSeedsDefaults() {
        assertThat(form.workloadSpec()).isEqualTo(WorkloadSpec.seedDefaults());
        assertThat(form.ingestSpec().interval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(form.ingestSpec().batchSize()).isEqualTo(10);
    }

    @Test
    void readsADurationRunWithRateAndWarmUp() {
        form.workersProperty().set(" 16 ");
        form.stopAfterProperty().set(WorkloadForm.StopAfter.DURATION);
        form.durationProperty().set("2m");
        form.rateProperty().set("500");
        form.warmUpProperty().set("5s");
        form.minQuantityProperty().set("1");
        form.maxQuantityProperty().set("3");

        WorkloadSpec spec = form.workloadSpec();

        assertThat(spec).isEqualTo(new WorkloadSpec(16, null, Duration.ofMinutes(2), 10, 10, 1, 3, 500.0, Duration.ofSeconds(5)));
    }

    @Test
    void aBadValueNamesItsFieldAndStaysAsTyped() {
        form.workersProperty().set("300");
        assertThatThrownBy(form::workloadSpec).hasMessage("Workers: 300 is outside 1..256");
        assertThat(form.invalidFieldProperty().get()).isEqualTo(WorkloadForm.Field.WORKERS);
        assertThat(form.workersProperty().get()).isEqualTo("300");

        form.workersProperty().set("4");
        form.ordersPerWorkerProperty().set("lots");
        assertThatThrownBy(form::workloadSpec).hasMessage("Orders per worker: 'lots' is not a whole number");
        assertThat(form.invalidFieldProperty().get()).isEqualTo(WorkloadForm.Field.ORDERS_PER_WORKER);

        form.ordersPerWorkerProperty().set("250");
        form.minQuantityProperty().set("5");
        form.maxQuantityProperty().set("2");
        assertThatThrownBy(form::workloadSpec).hasMessage("Max quantity: 2 is outside 5..1000");
        assertThat(form.invalidFieldProperty().get()).isEqualTo(WorkloadForm.Field.MAX_QUANTITY);

        form.maxQuantityProperty().set("5");
        form.rateProperty().set("fast");
        assertThatThrownBy(form::workloadSpec).hasMessageStartingWith("Target rate: 'fast' is not a number");
        assertThat(form.invalidFieldProperty().get()).isEqualTo(WorkloadForm.Field.RATE);

        form.rateProperty().set("");
        form.stopAfterProperty().set(WorkloadForm.StopAfter.DURATION);
        form.durationProperty().set("10s");
        form.warmUpProperty().set("10s");
        assertThatThrownBy(form::workloadSpec).hasMessage("Warm-up: must be zero or more and shorter than the duration");
        assertThat(form.invalidFieldProperty().get()).isEqualTo(WorkloadForm.Field.WARM_UP);

        form.warmUpProperty().set("0s");
        assertThat(form.workloadSpec().duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(form.invalidFieldProperty().get()).isNull();
    }

    @Test
    void ingestValuesAreCheckedToo() {
        form.ingestIntervalProperty().set("soon");
        assertThatThrownBy(form::ingestSpec).hasMessage("Ingest interval: 'soon' is not a duration like 30s, 5m or 1h");
        assertThat(form.invalidFieldProperty().get()).isEqualTo(WorkloadForm.Field.INGEST_INTERVAL);

        form.ingestIntervalProperty().set("5ms");
        assertThatThrownBy(form::ingestSpec).hasMessage("Ingest interval: must be from 10 ms to 24 h");

        form.ingestIntervalProperty().set("1s");
        form.ingestBatchSizeProperty().set("0");
        assertThatThrownBy(form::ingestSpec).hasMessage("Batch size: 0 is outside 1..100000");
        assertThat(form.invalidFieldProperty().get()).isEqualTo(WorkloadForm.Field.INGEST_BATCH_SIZE);
    }

    @Test
    void thresholdsAreReadCommaSeparatedAndABadOneNamesTheField() {
        form.thresholdsProperty().set(" p95 < 20ms, errors<1% ,rate>=500 ");

        assertThat(form.workloadSpec().thresholds()).extracting(dev.snowpulse.workload.threshold.Threshold::text)
                .containsExactly("p95 < 20ms", "errors<1%", "rate>=500");

        form.thresholdsProperty().set("p95<20ms, p42<3ms");
        assertThatThrownBy(form::workloadSpec).hasMessageStartingWith("Thresholds: 'p42<3ms': unknown metric 'p42'");
        assertThat(form.invalidFieldProperty().get()).isEqualTo(WorkloadForm.Field.THRESHOLDS);
        assertThat(form.thresholdsProperty().get()).isEqualTo("p95<20ms, p42<3ms");

        form.seedDefaults();
        assertThat(form.workloadSpec().thresholds()).isEmpty();
    }
}
