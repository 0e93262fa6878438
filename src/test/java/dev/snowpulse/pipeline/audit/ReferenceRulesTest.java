package dev.snowpulse.pipeline.audit;

import dev.snowpulse.pipeline.EventCounts;
import dev.snowpulse.pipeline.reference.ReferenceTable;
import dev.snowpulse.pipeline.reference.ReferenceRow;
import dev.snowpulse.pipeline.reference.ReferenceChange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceRulesTest {

    private static ReferenceRow row(ReferenceTable table, String key, String... pairs) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new ReferenceRow(table, key, values);
    }

    @Test
    void eachColumnAcceptsWhatItsRuleSaysAndNamesTheColumnOtherwise() {
        ReferenceRow electronics = row(ReferenceTable.PRODUCT_CATEGORIES, "electronics", "SEASONAL_PEAK_MONTHS", "[11, 12]", "MARGIN_RATE", "0.25");
        assertThat(ReferenceChange.of(electronics, "SEASONAL_PEAK_MONTHS", "[11,12,1]").after()).isEqualTo("[11, 12, 1]");
        assertThatThrownBy(() -> ReferenceChange.of(electronics, "SEASONAL_PEAK_MONTHS", "[13]"))
                .hasMessage("SEASONAL_PEAK_MONTHS: '[13]' is not a JSON array of month numbers 1..12, e.g. [11, 12]");
        assertThatThrownBy(() -> ReferenceChange.of(electronics, "MARGIN_RATE", "lots"))
                .hasMessage("MARGIN_RATE: 'lots' is not a number from 0 to 1");
        assertThatThrownBy(() -> ReferenceChange.of(electronics, "CATEGORY_COLOUR", "red"))
                .hasMessageStartingWith("column: PRODUCT_CATEGORIES has no column CATEGORY_COLOUR");

        ReferenceRow east = row(ReferenceTable.WAREHOUSES, "WH-EAST", "CAPACITY", "50000");
        assertThat(ReferenceChange.of(east, "CAPACITY", " 60000 ").after()).isEqualTo("60000");
        assertThatThrownBy(() -> ReferenceChange.of(east, "CAPACITY", "2.5")).hasMessage("CAPACITY: '2.5' is not a whole number of 1 or more");
    }

    @Test
    void generationParametersAreCheckedAgainstTheirType() {
        ReferenceRow repeat = row(ReferenceTable.GENERATION_PARAMETERS, "repeat_customer_probability",
                "PARAMETER_VALUE", "0.8", "PARAMETER_TYPE", "probability");
        assertThat(ReferenceChange.of(repeat, "PARAMETER_VALUE", "0.85").describe())
                .isEqualTo("GENERATION_PARAMETERS repeat_customer_probability: PARAMETER_VALUE 0.8 → 0.85");
        assertThatThrownBy(() -> ReferenceChange.of(repeat, "PARAMETER_VALUE", "1.2"))
                .hasMessage("parameter value: '1.2' is not a number from 0 to 1");
        assertThatThrownBy(() -> ReferenceChange.of(repeat, "PARAMETER_TYPE", "list")).hasMessage("PARAMETER_TYPE: cannot be changed here");

        ReferenceRow methods = row(ReferenceTable.GENERATION_PARAMETERS, "payment_methods", "PARAMETER_VALUE", "[\"card\"]", "PARAMETER_TYPE", "list");
        assertThatThrownBy(() -> ReferenceChange.of(methods, "PARAMETER_VALUE", "[]")).hasMessageContaining("must be a non-empty JSON array");
        assertThatThrownBy(() -> ReferenceChange.of(methods, "PARAMETER_VALUE", "[card]")).hasMessageContaining("is not JSON");
    }

    @Test
    void comparingSnapshotsFindsAddedRemovedAndChangedRows() {
        ReferenceTable table = ReferenceTable.CUSTOMER_SEGMENTS;
        List<Map<String, String>> before = List.of(Map.of("SEGMENT_NAME", "premium", "WEIGHT", "0.15"),
                Map.of("SEGMENT_NAME", "regular", "WEIGHT", "0.6"));
        List<Map<String, String>> after = List.of(Map.of("SEGMENT_NAME", "premium", "WEIGHT", "0.2"),
                Map.of("SEGMENT_NAME", "vip", "WEIGHT", "0.05"));

        List<RowDifference> differences = RunComparison.differences(table, before, after);

        assertThat(differences).extracting(RowDifference::kind, RowDifference::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RowDifference.Kind.CHANGED, "premium"),
                org.assertj.core.groups.Tuple.tuple(RowDifference.Kind.REMOVED, "regular"),
                org.assertj.core.groups.Tuple.tuple(RowDifference.Kind.ADDED, "vip"));
        assertThat(differences.getFirst().changes()).containsExactly(new ValueChange("WEIGHT", "0.15", "0.2"));
        assertThat(RunComparison.differences(table, before, before)).isEmpty();
    }

    @Test
    void snapshotRowsKeepNumbersAsWrittenAndJsonAsJson() {
        List<Map<String, String>> rows = RunSnapshot.parseRows(
                "[{\"parameter_name\":\"payment_methods\",\"PARAMETER_VALUE\":[\"card\",\"paypal\"],\"WEIGHT\":0.150,\"X\":null}]", "S");
        assertThat(rows).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("PARAMETER_NAME", "payment_methods")
                .containsEntry("PARAMETER_VALUE", "[\"card\",\"paypal\"]")
                .containsEntry("WEIGHT", "0.15")
                .containsEntry("X", null));
        assertThatThrownBy(() -> RunSnapshot.parseRows("{\"a\":1}", "S")).hasMessage("S is not a JSON array of rows");
        assertThat(RunSnapshot.parseRows("\"[{\\\"SEGMENT_NAME\\\": \\\"premium\\\"}]\"", "S"))
                .as("seed 001's generator stored its snapshots as JSON text inside the VARIANT")
                .singleElement().satisfies(row -> assertThat(row).containsEntry("SEGMENT_NAME", "premium"));
    }

    @Test
    void eventCountsRefuseNegativeTooLargeAndAllZero() {
        assertThat(EventCounts.defaults()).as("the seed README's GENERATE_RETAIL_DATA(20, 50), the rest at the procedure's defaults")
                .isEqualTo(new EventCounts(20, 50, 8, 5));
        assertThat(EventCounts.seedTask()).as("what the seed's root task generates per run").isEqualTo(new EventCounts(5, 10, 3, 2));
        assertThat(EventCounts.parse(" 5, 10,3 ,2")).isEqualTo(EventCounts.seedTask());
        assertThatThrownBy(() -> EventCounts.parse("5,10")).hasMessageStartingWith("events per run: '5,10' is not four counts");
        assertThat(EventCounts.inDefinition("CALL DB.PUBLIC.GENERATE_RETAIL_DATA(5, 10, 3, 2)")).contains(EventCounts.seedTask());
        assertThat(EventCounts.inDefinition("SELECT message FROM retail_pipeline.generate_retail_data(1, 2, 3, 4)"))
                .contains(new EventCounts(1, 2, 3, 4));
        assertThat(EventCounts.inDefinition("CALL integrate_stream()")).isEmpty();
        assertThatThrownBy(() -> new EventCounts(-1, 0, 0, 0)).hasMessage("customer events: -1 is outside 0..100000");
        assertThatThrownBy(() -> new EventCounts(0, 0, 0, 100_001)).hasMessage("supply chain events: 100001 is outside 0..100000");
        assertThatThrownBy(() -> new EventCounts(0, 0, 0, 0)).hasMessage("event counts: at least one must be above 0");
    }
}
