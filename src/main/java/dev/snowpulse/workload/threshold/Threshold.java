package dev.snowpulse.workload.threshold;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass/fail condition on a run, as k6 writes them: {@code p95<20ms}, {@code errors<1%}, {@code rate>=500}.
 *
 * @param limit in the metric's unit (ms, %, per second)
 * @param text  as the user wrote it, kept for the report and the run's history
 */
public record Threshold(Metric metric, Comparison comparison, double limit, String text) {

    public enum Comparison {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("==");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(double observed, double limit) {
            return switch (this) {
                case LT -> observed < limit;
                case LE -> observed <= limit;
                case GT -> observed > limit;
                case GE -> observed >= limit;
                case EQ -> observed == limit;
            };
        }
    }

    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z]+(?:\\(\\d+\\))?\\d*)\\s*(<=|>=|==|<|>|=)\\s*([0-9]*\\.?[0-9]+)\\s*([A-Za-z%/]*)\\s*");

    public boolean holds(double observed) {
        return comparison.holds(observed, limit);
    }

    /** Reads one threshold; a mistake names what to write instead. */
    public static Threshold parse(String written) {
        String text = written.strip();
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("threshold '" + text + "': write it as METRIC OP VALUE, e.g. p95<20ms, errors<1%, rate>=500");
        }
        Metric metric = Metric.named(m.group(1));
        if (metric == null) {
            throw new IllegalArgumentException("threshold '" + text + "': unknown metric '" + m.group(1) + "' (one of "
                    + String.join(", ", Arrays.stream(Metric.values()).map(Metric::key).toList()) + ")");
        }
        String op = m.group(2).equals("=") ? "==" : m.group(2);
        Comparison comparison = Arrays.stream(Comparison.values()).filter(c -> c.symbol.equals(op)).findFirst().orElseThrow();
        double value = Double.parseDouble(m.group(3));
        String unit = m.group(4).toLowerCase(Locale.ROOT);
        double limit = switch (metric.kind()) {
            case LATENCY -> switch (unit) {
                case "", "ms" -> value;
                case "us", "µs" -> value / 1000.0;
                case "s" -> value * 1000.0;
                default -> throw new IllegalArgumentException("threshold '" + text + "': a latency is in us, ms or s, not '" + m.group(4) + "'");
            };
            case SHARE -> {
                if (!unit.equals("%") && !(unit.isEmpty() && value == 0)) {
                    throw new IllegalArgumentException("threshold '" + text + "': write the error share in per cent, e.g. errors<1%");
                }
                yield value;
            }
            case RATE -> {
                if (!unit.isEmpty() && !unit.equals("/s")) {
                    throw new IllegalArgumentException("threshold '" + text + "': a rate is per second, e.g. rate>=500");
                }
                yield value;
            }
        };
        return new Threshold(metric, comparison, limit, text);
    }

    @Override
    public String toString() {
        return text;
    }
}
