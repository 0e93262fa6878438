package dev.snowpulse.pipeline.deploy;

import dev.snowpulse.pipeline.PipelineNames;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The planner's rule that a deploy only adds: statements that could change or remove what is there are refused. */
class DeployPlannerTest {

    private static final String MERGE_MISSING_ROWS = """
            MERGE INTO RETAIL.REF.SEGMENTS t
            USING (SELECT * FROM VALUES ('premium', 0.15), ('regular', 0.60) AS v(SEGMENT_NAME, WEIGHT)) s
            ON t.SEGMENT_NAME = s.SEGMENT_NAME
            WHEN NOT MATCHED THEN INSERT (SEGMENT_NAME, WEIGHT, UPDATED_AT) VALUES (s.SEGMENT_NAME, s.WEIGHT, SYSDATE())""";

    private final DeployPlanner snowflake = new DeployPlanner(DeployPlanner.Dialect.SNOWFLAKE, PipelineNames.defaults());
    private final DeployPlanner postgres = new DeployPlanner(DeployPlanner.Dialect.POSTGRES, PipelineNames.defaults());

    @Test
    void aMergeThatOnlyInsertsMissingKeysAddsJustThoseRows() {
        Catalog holdsPremium = new Catalog(true, Set.of(), Map.of(), Map.of(), Set.of(), Set.of(), Map.of(), Set.of(),
                Map.of("REF.SEGMENTS", Set.of("premium")));

        DeployPlan plan = snowflake.plan(List.of(statement(MERGE_MISSING_ROWS)), holdsPremium);

        assertThat(plan.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(Change.Kind.ROWS_ADDED);
            assertThat(change.detail()).isEqualTo("SEGMENT_NAME regular");
        });
    }

    @Test
    void aMergeThatAlsoUpdatesOrDeletesIsRefused() {
        for (String tail : List.of("\nWHEN MATCHED THEN UPDATE SET t.WEIGHT = s.WEIGHT", "\nWHEN MATCHED THEN DELETE")) {
            assertThatThrownBy(() -> snowflake.plan(List.of(statement(MERGE_MISSING_ROWS + tail)), Catalog.empty()))
                    .hasMessageContaining("not of a kind SnowPulse knows to be additive");
        }
    }

    @Test
    void anInsertGuardedByAnotherTablesKeysIsRefused() {
        String sql = """
                INSERT INTO ref.segments (segment_name, weight)
                SELECT v.* FROM (VALUES ('premium', 0.15)) AS v (segment_name, weight)
                WHERE NOT EXISTS (SELECT 1 FROM ref.archived_segments t WHERE t.segment_name = v.segment_name)""";

        assertThatThrownBy(() -> postgres.plan(List.of(statement(sql)), Catalog.empty()))
                .hasMessageContaining("not of a kind SnowPulse knows to be additive");
        assertThat(DeployPlanner.rowTargets(List.of(statement(sql.replace("archived_segments", "segments")))))
                .singleElement().satisfies(target -> assertThat(target.keys()).containsExactly("premium"));
    }

    @Test
    void aTaskMovedToAWarehouseWhoseNameExtendsTheOldOneIsAChange() {
        Catalog onComputeWh = new Catalog(true, Set.of(), Map.of(), Map.of(), Set.of(), Set.of(),
                Map.of("RAW.T1", new Catalog.ExistingTask("USING CRON 0,30 * * * * UTC", "CALL P()", "COMPUTE_WH")),
                Set.of(), Map.of());
        String task = "CREATE OR ALTER TASK RETAIL.RAW.T1\n    WAREHOUSE = COMPUTE_WH2\n    SCHEDULE = 'USING CRON 0,30 * * * * UTC'\nAS\nCALL P()";

        DeployPlan plan = snowflake.plan(List.of(statement(task)), onComputeWh);

        assertThat(plan.changes()).singleElement()
                .satisfies(change -> assertThat(change.detail()).isEqualTo("warehouse COMPUTE_WH → COMPUTE_WH2"));
    }

    private static SqlStatement statement(String sql) {
        return new SqlStatement("test.sql", 1, sql);
    }
}
