package dev.snowpulse.workload.script;

import java.util.SplittableRandom;

/**
 * pgbench's random functions over one client's generator, each as PostgreSQL 15's pgbench documentation defines it:
 * uniform, exponential and Gaussian by inverse transform over the interval, Zipfian by rejection. A seed gives the
 * same draws every time.
 */
public final class ScriptRandom {

    static final double MIN_GAUSSIAN_PARAMETER = 2.0;
    static final double MIN_ZIPFIAN_PARAMETER = 1.001;
    static final double MAX_ZIPFIAN_PARAMETER = 1000.0;

    private final SplittableRandom random;

    public ScriptRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** In (0, 1]: a logarithm never sees zero. */
    private double openZeroDouble() {
        return 1.0 - random.nextDouble();
    }

    private static long width(long min, long max) {
        if (max < min) {
            throw new ScriptEvaluationError("empty range given to random");
        }
        try {
            return Math.addExact(Math.subtractExact(max, min), 1);
        } catch (ArithmeticException e) {
            throw new ScriptEvaluationError("random range is too large");
        }
    }

    public long uniform(long min, long max) {
        return min + random.nextLong(width(min, max));
    }

    public long exponential(long min, long max, double parameter) {
        long width = width(min, max);
        if (!(parameter > 0)) {
            throw new ScriptEvaluationError("exponential parameter must be greater than zero (got " + parameter + ")");
        }
        double cut = Math.exp(-parameter);
        double rand = -Math.log(cut + (1.0 - cut) * openZeroDouble()) / parameter;
        return min + (long) (width * rand);
    }

    public long gaussian(long min, long max, double parameter) {
        long width = width(min, max);
        if (!(parameter >= MIN_GAUSSIAN_PARAMETER)) {
            throw new ScriptEvaluationError("gaussian parameter must be at least " + MIN_GAUSSIAN_PARAMETER + " (got " + parameter + ")");
        }
        double stdev;
        do {
            double radius = Math.sqrt(-2.0 * Math.log(openZeroDouble()));
            stdev = radius * Math.sin(2.0 * Math.PI * random.nextDouble());
        } while (stdev < -parameter || stdev >= parameter);
        double rand = (stdev + parameter) / (parameter * 2.0);
        return min + (long) (width * rand);
    }

    public long zipfian(long min, long max, double parameter) {
        long n = width(min, max);
        if (!(parameter >= MIN_ZIPFIAN_PARAMETER && parameter <= MAX_ZIPFIAN_PARAMETER)) {
            throw new ScriptEvaluationError("zipfian parameter must be in range [" + MIN_ZIPFIAN_PARAMETER + ", "
                    + MAX_ZIPFIAN_PARAMETER + "] (got " + parameter + ")");
        }
        double b = Math.pow(2.0, parameter - 1.0);
        double x;
        while (true) {
            double u = openZeroDouble();
            double v = random.nextDouble();
            x = Math.floor(Math.pow(u, -1.0 / (parameter - 1.0)));
            double t = Math.pow(1.0 + 1.0 / x, parameter - 1.0);
            if (v * x * (t - 1.0) / (b - 1.0) <= t / b && x <= n) {
                break;
            }
        }
        return min + (long) x - 1;
    }

    /** A seed for a client's variables {@code :random_seed} and {@code :default_seed}. */
    public long nextSeed() {
        return random.nextLong();
    }

    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long MURMUR2_MUL = 0xc6a4a7935bd1e995L;
    private static final int MURMUR2_ROT = 47;

    /** FNV-1a over the value's eight bytes, least significant first, from the offset basis xor the seed. */
    public static long fnv1a(long value, long seed) {
        long result = FNV_OFFSET_BASIS ^ seed;
        long v = value;
        for (int i = 0; i < 8; i++) {
            result = (result ^ (v & 0xff)) * FNV_PRIME;
            v >>>= 8;
        }
        return result;
    }

    /** MurmurHash2, 64-bit, over the one eight-byte value. */
    public static long murmur2(long value, long seed) {
        long result = seed ^ (MURMUR2_MUL * 8);
        long k = value * MURMUR2_MUL;
        k ^= k >>> MURMUR2_ROT;
        k *= MURMUR2_MUL;
        result ^= k;
        result *= MURMUR2_MUL;
        result ^= result >>> MURMUR2_ROT;
        result *= MURMUR2_MUL;
        result ^= result >>> MURMUR2_ROT;
        return result;
    }
}
