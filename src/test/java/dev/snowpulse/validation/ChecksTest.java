package dev.snowpulse.validation;

import dev.snowpulse.kpi.KpiQuery;
import dev.snowpulse.schema.Restock;
import dev.snowpulse.workload.IngestSpec;
import dev.snowpulse.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A refused value says which field it was by key, not only in its words, for every record that checks its values. */
class ChecksTest {

    @Test
    void theRecordsNameTheRefusedFieldByItsKey() {
        assertThat(catchThrowableOfType(FieldError.class, () -> new WorkloadSpec(4, 10, null, 10, 10, 3, 2, null, Duration.ZERO)).field())
                .isEqualTo(WorkloadSpec.MAX_QUANTITY);
        assertThat(catchThrowableOfType(FieldError.class, () -> new WorkloadSpec(4, null, null, 10, 10, 1, 1, null, Duration.ZERO)))
                .satisfies(e -> assertThat(e.field()).isEqualTo(WorkloadSpec.ORDERS_PER_WORKER))
                .hasMessage("orders per worker or duration: give exactly one of them");
        assertThat(catchThrowableOfType(FieldError.class, () -> new IngestSpec(Duration.ofSeconds(1), 0, 10, 10, 1, 1, null)).field())
                .isEqualTo(IngestSpec.BATCH_SIZE);
        assertThat(catchThrowableOfType(FieldError.class, () -> new KpiQuery(0, List.of(), 10, 5)))
                .hasMessage("window: 0 minutes is outside 1..43200");
    }

    @Test
    void oneRestockCheckForTheCliTheSchemaTabAndTheWorkloadForm() {
        assertThat(Restock.typed(" 1,000_000 ").unitsPerProduct()).isEqualTo(1_000_000);
        assertThat(catchThrowableOfType(FieldError.class, () -> Restock.typed("lots")))
                .satisfies(e -> assertThat(e.field()).isEqualTo(Restock.UNITS)).extracting(FieldError::reason)
                .isEqualTo("'lots' is not a whole number");
        assertThat(catchThrowableOfType(FieldError.class, () -> new Restock(-1)).reason()).isEqualTo("-1 is outside 0..1000000000");
    }

    @Test
    void requiredStripsOrNamesWhatToGive() {
        assertThat(Checks.required("host", "  db.example  ", "e.g. 127.0.0.1")).isEqualTo("db.example");
        assertThat(catchThrowableOfType(FieldError.class, () -> Checks.required("host", " ", "e.g. 127.0.0.1")))
                .hasMessage("host: required (e.g. 127.0.0.1)").satisfies(e -> assertThat(e.field()).isEqualTo("host"));
    }
}
