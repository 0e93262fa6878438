package dev.snowpulse.workload.threshold;

import java.util.List;
import java.util.Locale;

/**
 * One threshold judged on a run: the value observed and whether it held. A latency threshold on a run where nothing
 * succeeded has no value to judge and fails.
 *
 * @param observed in the metric's unit, or null when the run gave none
 */
public record ThresholdCheck(Threshold threshold, Double observed, boolean passed) {

    public static List<ThresholdCheck> judge(List<Threshold> thresholds, RunFigures figures) {
        return thresholds.stream().map(t -> judge(t, figures)).toList();
    }

    static ThresholdCheck judge(Threshold t, RunFigures f) {
        Double observed = switch (t.metric()) {
            case AVG -> f.latencyCount() == 0 ? null : f.avg();
            case P50 -> f.latencyCount() == 0 ? null : f.p50();
            case P95 -> f.latencyCount() == 0 ? null : f.p95();
            case P99 -> f.latencyCount() == 0 ? null : f.p99();
            case MAX -> f.latencyCount() == 0 ? null : f.max();
            case ERRORS -> f.errorPercent();
            case RATE -> f.ratePerSecond();
        };
        return new ThresholdCheck(t, observed, observed != null && t.holds(observed));
    }

    /** "passed  p95<20ms  (p95 4.067 ms)", as the CLI prints each. */
    public String line() {
        return String.format(Locale.ROOT, "%s  %s  (%s)", passed ? "passed" : "FAILED", threshold.text(), observedText());
    }

    public String observedText() {
        if (observed == null) {
            return threshold.metric().key() + " not measured: nothing succeeded";
        }
        String value = switch (threshold.metric().kind()) {
            case LATENCY -> String.format(Locale.ROOT, "%.3f ms", observed);
            case SHARE -> String.format(Locale.ROOT, "%.2f %%", observed);
            case RATE -> String.format(Locale.ROOT, "%.1f/s", observed);
        };
        return threshold.metric().key() + " " + value;
    }

    public static boolean allPassed(List<ThresholdCheck> checks) {
        return checks.stream().allMatch(ThresholdCheck::passed);
    }

    /** "passed 3/3" or "failed 1 of 3: p95<20ms": the history's summary of a run's checks; "" when it had none. */
    public static String verdict(List<ThresholdCheck> checks) {
        if (checks.isEmpty()) {
            return "";
        }
        return verdict(checks.size(), checks.stream().filter(c -> !c.passed()).map(c -> c.threshold().text()).toList());
    }

    /** The same from stored checks: how many there were and the text of those that failed. */
    public static String verdict(int total, List<String> failed) {
        return failed.isEmpty() ? "passed " + total + "/" + total : "failed " + failed.size() + " of " + total + ": " + String.join(", ", failed);
    }
}
