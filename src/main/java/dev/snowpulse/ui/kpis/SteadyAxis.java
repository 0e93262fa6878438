package dev.snowpulse.ui.kpis;

import javafx.scene.chart.NumberAxis;

/**
 * A value axis that changes its range only when the data leaves it: up to the next round number above the largest
 * value, and down again only when the data falls under a third of it. An auto-ranging axis re-computes and re-creates
 * its tick labels on every refresh of a growing series, which under load costs the FX thread a long layout pass.
 */
final class SteadyAxis {

    private SteadyAxis() {
    }

    static NumberAxis create(String label) {
        NumberAxis axis = new NumberAxis(0, 10, 2);
        axis.setAutoRanging(false);
        axis.setMinorTickVisible(false);
        if (label != null) {
            axis.setLabel(label);
        }
        return axis;
    }

    /** Fits the axis to a new largest value, if it no longer fits. */
    static void fit(NumberAxis axis, double max) {
        double upper = axis.getUpperBound();
        if (max <= upper && (max >= upper / 3 || upper <= 10)) {
            return;
        }
        double nice = niceCeiling(Math.max(max * 1.1, 10));
        axis.setUpperBound(nice);
        axis.setTickUnit(niceCeiling(nice / 6));
    }

    /** 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 or 10 times a power of ten, at least {@code value}. */
    static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
