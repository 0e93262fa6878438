package dev.snowpulse.workload.threshold;

import dev.snowpulse.workload.LatencySummary;
import dev.snowpulse.workload.OutcomeCounts;
import dev.snowpulse.workload.WorkloadResult;
import dev.snowpulse.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdTest {

    private static final RunFigures FIGURES = new RunFigures(1_000, 4.0, 3.0, 20.0, 31.5, 120.0, 990, 10, 512.5);

    private static ThresholdCheck judge(String text) {
        return ThresholdCheck.judge(List.of(Threshold.parse(text)), FIGURES).getFirst();
    }

    @Test
    void theFormsUsersWriteAreRead() {
        assertThat(Threshold.parse("p95<20ms")).isEqualTo(new Threshold(Metric.P95, Threshold.Comparison.LT, 20, "p95<20ms"));
        assertThat(Threshold.parse(" p(99) <= 1.5 s ").limit()).isEqualTo(1_500);
        assertThat(Threshold.parse("max<800us").limit()).isEqualTo(0.8);
        assertThat(Threshold.parse("avg<5").limit()).isEqualTo(5);
        assertThat(Threshold.parse("med<5ms").metric()).isEqualTo(Metric.P50);
        assertThat(Threshold.parse("errors<1%").limit()).isEqualTo(1);
        assertThat(Threshold.parse("errors=0").comparison()).isEqualTo(Threshold.Comparison.EQ);
        assertThat(Threshold.parse("tps>=500/s").metric()).isEqualTo(Metric.RATE);
    }

    @Test
    void aMistakeSaysWhatToWrite() {
        assertThatThrownBy(() -> Threshold.parse("p95 under 20ms")).hasMessage(
                "threshold 'p95 under 20ms': write it as METRIC OP VALUE, e.g. p95<20ms, errors<1%, rate>=500");
        assertThatThrownBy(() -> Threshold.parse("p42<20ms")).hasMessageContaining("unknown metric 'p42' (one of avg, p50, p95, p99, max, errors, rate)");
        assertThatThrownBy(() -> Threshold.parse("p95<20min")).hasMessageContaining("a latency is in us, ms or s, not 'min'");
        assertThatThrownBy(() -> Threshold.parse("errors<1")).hasMessageContaining("in per cent, e.g. errors<1%");
        assertThatThrownBy(() -> Threshold.parse("rate>5ms")).hasMessageContaining("a rate is per second");
    }

    @Test
    void eachIsJudgedOnItsFigureAtTheBoundaryAsWritten() {
        assertThat(judge("p95<20ms").passed()).isFalse();
        assertThat(judge("p95<=20ms").passed()).isTrue();
        assertThat(judge("p99<0.1s").passed()).isTrue();
        assertThat(judge("max<100ms").passed()).isFalse();
        assertThat(judge("errors<1%").passed()).isFalse();
        assertThat(judge("errors<=1%").passed()).isTrue();
        assertThat(judge("rate>=500").passed()).isTrue();
        assertThat(judge("rate>600").line()).isEqualTo("FAILED  rate>600  (rate 512.5/s)");
        assertThat(judge("p95<=20ms").line()).isEqualTo("passed  p95<=20ms  (p95 20.000 ms)");
        assertThat(judge("errors<2%").line()).isEqualTo("passed  errors<2%  (errors 1.00 %)");
    }

    @Test
    void aLatencyThresholdFailsWhenNothingSucceeded() {
        RunFigures nothing = new RunFigures(0, 0, 0, 0, 0, 0, 0, 50, 0);
        ThresholdCheck check = ThresholdCheck.judge(List.of(Threshold.parse("p95<1000s")), nothing).getFirst();

        assertThat(check.passed()).isFalse();
        assertThat(check.observed()).isNull();
        assertThat(check.line()).isEqualTo("FAILED  p95<1000s  (p95 not measured: nothing succeeded)");
    }

    @Test
    void theVerdictNamesWhatFailed() {
        List<ThresholdCheck> checks = ThresholdCheck.judge(List.of(Threshold.parse("p95<20ms"), Threshold.parse("rate>=500")), FIGURES);

        assertThat(ThresholdCheck.verdict(checks)).isEqualTo("failed 1 of 2: p95<20ms");
        assertThat(ThresholdCheck.verdict(checks.subList(1, 2))).isEqualTo("passed 1/1");
        assertThat(ThresholdCheck.verdict(List.of())).isEmpty();
    }

    @Test
    void theErrorShareLeavesOutTheWarmUp() {
        WorkloadSpec spec = new WorkloadSpec(2, null, Duration.ofSeconds(10), 10, 10, 1, 1, null, Duration.ofSeconds(2))
                .withThresholds(List.of(Threshold.parse("errors<10%")));
        // 100 ok (10 in the warm-up), 20 failed (15 in the warm-up): after it, 5 failed of 95
        OutcomeCounts counts = new OutcomeCounts(100, 0, 0, 0, 0, 20, Map.of("40001", 20L));
        WorkloadResult result = new WorkloadResult(UUID.randomUUID(), spec, Instant.now(), Instant.now(), Duration.ofSeconds(10),
                Duration.ZERO, counts, 10, 15, new LatencySummary(90, 1, 1, 2, 3, 4), false, null);

        assertThat(result.figures().errorPercent()).isCloseTo(100.0 * 5 / 95, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.thresholdChecks()).singleElement().extracting(ThresholdCheck::passed).isEqualTo(true);
    }
}
