package dev.snowpulse.workload.script;

import java.util.List;
import java.util.Locale;

/**
 * pgbench's functions and operators with their arities ({@code -1}: one or more; hash: one or two), and their
 * semantics as pgbench 15 evaluates them: integer arithmetic stays exact and refuses to overflow, a double anywhere
 * makes it double, a NULL argument makes most results NULL, and AND, OR and CASE evaluate only what they need.
 */
public enum Function {
    ADD("+", 2), SUB("-", 2), MUL("*", 2), DIV("/", 2), MOD("mod", 2),
    ABS("abs", 1), LEAST("least", -1), GREATEST("greatest", -1), DEBUG("debug", 1), PI("pi", 0), SQRT("sqrt", 1),
    LN("ln", 1), EXP("exp", 1), INT("int", 1), DOUBLE("double", 1), RANDOM("random", 2),
    RANDOM_GAUSSIAN("random_gaussian", 3), RANDOM_EXPONENTIAL("random_exponential", 3), RANDOM_ZIPFIAN("random_zipfian", 3),
    POW("pow", 2), POWER("power", 2),
    AND("!and", 2), OR("!or", 2), NOT("!not", 1),
    BITAND("&", 2), BITOR("|", 2), BITXOR("#", 2), LSHIFT("<<", 2), RSHIFT(">>", 2),
    EQ("=", 2), NE("<>", 2), LE("<=", 2), LT("<", 2), IS("!is", 2),
    CASE("!case", -2), HASH("hash", -3), HASH_MURMUR2("hash_murmur2", -3), HASH_FNV1A("hash_fnv1a", -3);

    private final String sqlName;
    private final int arity;

    Function(String name, int arity) {
        this.sqlName = name;
        this.arity = arity;
    }

    /** A function a script may call by name ("random", "hash" ...), case-insensitively; null for none. */
    static Function named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Function f : values()) {
            if (f.sqlName.equals(lower) && Character.isLetter(lower.charAt(0))) {
                return f;
            }
        }
        return null;
    }

    String sqlName() {
        return sqlName;
    }

    /** Null when {@code count} arguments suit it, else what is wrong. */
    String arityProblem(int count) {
        return switch (arity) {
            case -1 -> count >= 1 ? null : "at least one argument expected for " + sqlName;
            case -3 -> count == 1 || count == 2 ? null : "unexpected number of arguments for " + sqlName + " (one, and a seed)";
            case -2 -> null;
            default -> count == arity ? null : "unexpected number of arguments for " + sqlName + " (" + arity + " expected)";
        };
    }

    Value apply(List<Expr> args, Expr.Scope scope) {
        switch (this) {
            case AND -> {
                Value left = args.get(0).eval(scope);
                if (left instanceof Value.Null) {
                    return Value.NULL;
                }
                return left.asBool() ? bool(args.get(1).eval(scope)) : Value.FALSE;
            }
            case OR -> {
                Value left = args.get(0).eval(scope);
                if (left instanceof Value.Null) {
                    return Value.NULL;
                }
                return left.asBool() ? Value.TRUE : bool(args.get(1).eval(scope));
            }
            case CASE -> {
                // when, then, when, then ..., else
                for (int i = 0; i + 1 < args.size(); i += 2) {
                    // pgbench's valueTruth: a number is true when not zero, NULL is false
                    Value condition = args.get(i).eval(scope);
                    boolean holds = switch (condition) {
                        case Value.Null n -> false;
                        case Value.Bool b -> b.value();
                        case Value.Int n -> n.value() != 0;
                        case Value.Dbl d -> d.value() != 0;
                    };
                    if (holds) {
                        return args.get(i + 1).eval(scope);
                    }
                }
                return args.getLast().eval(scope);
            }
            default -> {
                Value[] values = new Value[args.size()];
                boolean hasNull = false;
                for (int i = 0; i < values.length; i++) {
                    values[i] = args.get(i).eval(scope);
                    hasNull |= values[i] instanceof Value.Null;
                }
                if (hasNull && this != IS && this != DEBUG) {
                    return Value.NULL;
                }
                return strict(values, scope);
            }
        }
    }

    private static Value bool(Value v) {
        return v instanceof Value.Null ? Value.NULL : Value.of(v.asBool());
    }

    private static boolean anyDouble(Value[] values) {
        for (Value v : values) {
            if (v instanceof Value.Dbl) {
                return true;
            }
        }
        return false;
    }

    private static ScriptEvaluationError outOfRange() {
        return new ScriptEvaluationError("bigint out of range");
    }

    private Value strict(Value[] v, Expr.Scope scope) {
        return switch (this) {
            case ADD, SUB, MUL -> anyDouble(v) ? Value.of(arithmetic(v[0].asDouble(), v[1].asDouble())) : exact(v[0].asInt(), v[1].asInt());
            case DIV -> {
                if (anyDouble(v)) {
                    yield Value.of(v[0].asDouble() / v[1].asDouble());
                }
                long divisor = v[1].asInt();
                if (divisor == 0) {
                    throw new ScriptEvaluationError("division by zero");
                }
                if (divisor == -1 && v[0].asInt() == Long.MIN_VALUE) {
                    throw outOfRange();
                }
                yield Value.of(v[0].asInt() / divisor);
            }
            case MOD -> {
                long divisor = v[1].asInt();
                if (divisor == 0) {
                    throw new ScriptEvaluationError("division by zero");
                }
                yield Value.of(divisor == -1 ? 0 : v[0].asInt() % divisor);
            }
            case ABS -> {
                if (v[0] instanceof Value.Dbl d) {
                    yield Value.of(Math.abs(d.value()));
                }
                // pgbench negates without a check: abs of the smallest bigint is itself
                yield Value.of(Math.abs(v[0].asInt()));
            }
            case LEAST, GREATEST -> extreme(v);
            case DEBUG -> {
                System.err.println("debug: " + describe(v[0]));
                yield v[0];
            }
            case PI -> Value.of(Math.PI);
            case SQRT -> Value.of(Math.sqrt(v[0].asDouble()));
            case LN -> Value.of(Math.log(v[0].asDouble()));
            case EXP -> Value.of(Math.exp(v[0].asDouble()));
            case INT -> Value.of(v[0].asInt());
            case DOUBLE -> Value.of(v[0].asDouble());
            case POW, POWER -> Value.of(Math.pow(v[0].asDouble(), v[1].asDouble()));
            case RANDOM -> Value.of(scope.random().uniform(v[0].asInt(), v[1].asInt()));
            case RANDOM_EXPONENTIAL -> Value.of(scope.random().exponential(v[0].asInt(), v[1].asInt(), v[2].asDouble()));
            case RANDOM_GAUSSIAN -> Value.of(scope.random().gaussian(v[0].asInt(), v[1].asInt(), v[2].asDouble()));
            case RANDOM_ZIPFIAN -> Value.of(scope.random().zipfian(v[0].asInt(), v[1].asInt(), v[2].asDouble()));
            case NOT -> Value.of(!v[0].asBool());
            case BITAND -> Value.of(v[0].asInt() & v[1].asInt());
            case BITOR -> Value.of(v[0].asInt() | v[1].asInt());
            case BITXOR -> Value.of(v[0].asInt() ^ v[1].asInt());
            case LSHIFT -> Value.of(v[0].asInt() << v[1].asInt());
            case RSHIFT -> Value.of(v[0].asInt() >> v[1].asInt());
            case EQ -> Value.of(compare(v[0], v[1]) == 0);
            case NE -> Value.of(compare(v[0], v[1]) != 0);
            case LE -> Value.of(compare(v[0], v[1]) <= 0);
            case LT -> Value.of(compare(v[0], v[1]) < 0);
            case IS -> Value.of(v[1] instanceof Value.Null ? v[0] instanceof Value.Null : v[0].equals(v[1]));
            case HASH, HASH_MURMUR2 -> Value.of(ScriptRandom.murmur2(v[0].asInt(), v[1].asInt()));
            case HASH_FNV1A -> Value.of(ScriptRandom.fnv1a(v[0].asInt(), v[1].asInt()));
            case AND, OR, CASE -> throw new IllegalStateException("lazy");
        };
    }

    private double arithmetic(double a, double b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            default -> a * b;
        };
    }

    private Value exact(long a, long b) {
        try {
            return Value.of(switch (this) {
                case ADD -> Math.addExact(a, b);
                case SUB -> Math.subtractExact(a, b);
                default -> Math.multiplyExact(a, b);
            });
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    private Value extreme(Value[] v) {
        boolean greatest = this == GREATEST;
        if (anyDouble(v)) {
            double best = v[0].asDouble();
            for (Value x : v) {
                best = greatest ? Math.max(best, x.asDouble()) : Math.min(best, x.asDouble());
            }
            return Value.of(best);
        }
        long best = v[0].asInt();
        for (Value x : v) {
            best = greatest ? Math.max(best, x.asInt()) : Math.min(best, x.asInt());
        }
        return Value.of(best);
    }

    private static int compare(Value a, Value b) {
        if (a instanceof Value.Int x && b instanceof Value.Int y) {
            return Long.compare(x.value(), y.value());
        }
        // as C compares doubles: -0 equals 0 (NaN compares as neither less nor greater); a boolean is refused, as
        // pgbench refuses it
        double x = a.asDouble();
        double y = b.asDouble();
        return x < y ? -1 : x > y ? 1 : 0;
    }

    /** As pgbench's debug() prints a value: "int 6", "double 3.5", "boolean true", "null". */
    static String describe(Value v) {
        return switch (v) {
            case Value.Int i -> "int " + i.value();
            case Value.Dbl d -> "double " + Value.doubleText(d.value());
            case Value.Bool b -> "boolean " + b.value();
            case Value.Null n -> "null";
        };
    }
}
