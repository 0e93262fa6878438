package dev.snowpulse.workload.script;

import java.math.BigDecimal;
import java.math.MathContext;

/** A value of pgbench's expression language: a 64-bit integer, a double, a boolean or null. */
public sealed interface Value {

    record Int(long value) implements Value {
    }

    record Dbl(double value) implements Value {
    }

    record Bool(boolean value) implements Value {
    }

    record Null() implements Value {
    }

    Value NULL = new Null();
    Value TRUE = new Bool(true);
    Value FALSE = new Bool(false);

    static Value of(long v) {
        return new Int(v);
    }

    static Value of(double v) {
        return new Dbl(v);
    }

    static Value of(boolean v) {
        return v ? TRUE : FALSE;
    }

    /** A variable given as text (-D name=value, or read back): an integer or a double where it parses as one. */
    static Value parse(String text) {
        String t = text.strip();
        try {
            return of(Long.parseLong(t));
        } catch (NumberFormatException notInteger) {
            try {
                return of(Double.parseDouble(t));
            } catch (NumberFormatException notNumber) {
                throw new ScriptEvaluationError("'" + text + "' is not a number");
            }
        }
    }

    default long asInt() {
        return switch (this) {
            case Int i -> i.value();
            // as pgbench: a double becomes the nearest integer, halves to even
            case Dbl d -> {
                double r = Math.rint(d.value());
                if (Double.isNaN(r) || r < -0x1p63 || r >= 0x1p63) {
                    throw new ScriptEvaluationError("double to int overflow for " + d.value());
                }
                yield (long) r;
            }
            case Bool b -> throw new ScriptEvaluationError("cannot coerce boolean to int");
            case Null n -> throw new ScriptEvaluationError("cannot coerce NULL to int");
        };
    }

    default double asDouble() {
        return switch (this) {
            case Int i -> i.value();
            case Dbl d -> d.value();
            case Bool b -> throw new ScriptEvaluationError("cannot coerce boolean to double");
            case Null n -> throw new ScriptEvaluationError("cannot coerce NULL to double");
        };
    }

    default boolean asBool() {
        return switch (this) {
            case Bool b -> b.value();
            case Int i -> throw new ScriptEvaluationError("cannot coerce int to boolean");
            case Dbl d -> throw new ScriptEvaluationError("cannot coerce double to boolean");
            case Null n -> throw new ScriptEvaluationError("cannot coerce NULL to boolean");
        };
    }

    /** How pgbench writes the value into a query: integers in full, doubles to 15 significant digits (C's %.15g). */
    default String text() {
        return switch (this) {
            case Int i -> Long.toString(i.value());
            case Dbl d -> doubleText(d.value());
            case Bool b -> b.value() ? "true" : "false";
            case Null n -> "";
        };
    }

    /** C's {@code %.15g}: 15 significant digits of the exact binary value (ties to even, as glibc), trailing zeros dropped, an exponent below 1e-4 or from 1e15. */
    static String doubleText(double v) {
        // PostgreSQL's own snprintf spells these out
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(15, java.math.RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 15) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            return mantissa.toPlainString() + (exponent < 0 ? "e-" : "e+") + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exponent));
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
