package dev.snowpulse.workload.script;

import dev.snowpulse.testing.Pgbench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The random functions against the distributions PostgreSQL 15's pgbench documentation defines, over 1..100:
 * SnowPulse's draws (fixed seeds) and the real pgbench's draws (fixed --random-seed) each pass a chi-square test
 * against the same expected probabilities, and their means agree with the distribution's.
 */
class ScriptRandomTest {

    private static final int N = 100;

    /** Wilson-Hilferty: the chi-square value a fit exceeds with probability 1e-6 by chance. */
    private static double critical(int degreesOfFreedom) {
        double k = degreesOfFreedom;
        double z = 4.753;
        double h = 2.0 / (9.0 * k);
        return k * Math.pow(1 - h + z * Math.sqrt(h), 3);
    }

    /** Complementary error function, Numerical Recipes' Chebyshev fit (relative error below 1.2e-7). */
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }

    private static double phi(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /** Probability of each value 1..N, index 0 for 1. */
    private static double[] uniform() {
        double[] p = new double[N];
        java.util.Arrays.fill(p, 1.0 / N);
        return p;
    }

    /** The documentation: the value's position in the interval follows an exponential truncated to [0, 1). */
    private static double[] exponential(double parameter) {
        double[] p = new double[N];
        for (int k = 0; k < N; k++) {
            p[k] = (Math.exp(-parameter * k / N) - Math.exp(-parameter * (k + 1) / N)) / (1 - Math.exp(-parameter));
        }
        return p;
    }

    /** The documentation: a standard normal truncated to [-parameter, parameter), mapped onto the interval. */
    private static double[] gaussian(double parameter) {
        double[] p = new double[N];
        double total = phi(parameter) - phi(-parameter);
        for (int k = 0; k < N; k++) {
            p[k] = (phi(-parameter + 2 * parameter * (k + 1) / N) - phi(-parameter + 2 * parameter * k / N)) / total;
        }
        return p;
    }

    /** The documentation: value i drawn with probability proportional to 1 / i^s. */
    private static double[] zipfian(double s) {
        double[] p = new double[N];
        double total = 0;
        for (int k = 0; k < N; k++) {
            p[k] = Math.pow(k + 1, -s);
            total += p[k];
        }
        for (int k = 0; k < N; k++) {
            p[k] /= total;
        }
        return p;
    }

    private static double chiSquare(long[] counts, double[] expected) {
        long n = java.util.Arrays.stream(counts).sum();
        double chi = 0;
        for (int k = 0; k < N; k++) {
            double e = expected[k] * n;
            chi += (counts[k] - e) * (counts[k] - e) / e;
        }
        return chi;
    }

    private static double mean(double[] p) {
        double m = 0;
        for (int k = 0; k < N; k++) {
            m += (k + 1) * p[k];
        }
        return m;
    }

    private static long[] histogram(List<Long> draws) {
        long[] counts = new long[N];
        for (long v : draws) {
            assertThat(v).isBetween(1L, (long) N);
            counts[(int) (v - 1)]++;
        }
        return counts;
    }

    private static List<Long> draws(int count, LongSupplier draw) {
        return java.util.stream.Stream.generate(draw::getAsLong).limit(count).toList();
    }

    private static void fits(String what, List<Long> draws, double[] expected) {
        long[] counts = histogram(draws);
        assertThat(chiSquare(counts, expected)).as(what + ": chi-square over " + draws.size() + " draws").isLessThan(critical(N - 1));
        double observedMean = draws.stream().mapToLong(Long::longValue).average().orElseThrow();
        assertThat(observedMean).as(what + ": mean").isCloseTo(mean(expected), org.assertj.core.data.Percentage.withPercentage(2));
    }

    @Test
    void snowPulsesDrawsFollowTheDocumentedDistributions() {
        ScriptRandom random = new ScriptRandom(20261204L);
        int n = 200_000;
        fits("random", draws(n, () -> random.uniform(1, N)), uniform());
        fits("random_exponential 5", draws(n, () -> random.exponential(1, N, 5.0)), exponential(5.0));
        fits("random_exponential 0.5", draws(n, () -> random.exponential(1, N, 0.5)), exponential(0.5));
        fits("random_gaussian 2.5", draws(n, () -> random.gaussian(1, N, 2.5)), gaussian(2.5));
        fits("random_gaussian 5", draws(n, () -> random.gaussian(1, N, 5.0)), gaussian(5.0));
        fits("random_zipfian 1.5", draws(n, () -> random.zipfian(1, N, 1.5)), zipfian(1.5));
        fits("random_zipfian 1.01", draws(n, () -> random.zipfian(1, N, 1.01)), zipfian(1.01));
    }

    @Test
    void pgbenchsOwnDrawsFitTheSameProbabilities(@TempDir Path dir) throws Exception {
        assumeTrue(Pgbench.available(), "pgbench 15 is part of the postgresql-15 package CI installs");
        Path script = dir.resolve("draws.sql");
        Files.writeString(script, """
                \\set u debug(random(1, 100))
                \\set e debug(random_exponential(1, 100, 5))
                \\set g debug(random_gaussian(1, 100, 2.5))
                \\set z debug(random_zipfian(1, 100, 1.5))
                """);
        int transactions = 20_000;

        Pgbench.Result pgbench = Pgbench.run("postgres", "-n", "-t", String.valueOf(transactions), "--random-seed=11", "-f", script.toString());

        assertThat(pgbench.exit()).as(pgbench.err()).isZero();
        List<String> lines = pgbench.debugLines();
        assertThat(lines).hasSize(4 * transactions);
        List<List<Long>> byFunction = List.of(new java.util.ArrayList<>(), new java.util.ArrayList<>(), new java.util.ArrayList<>(),
                new java.util.ArrayList<>());
        for (int i = 0; i < lines.size(); i++) {
            byFunction.get(i % 4).add(Long.parseLong(lines.get(i).substring("int ".length())));
        }
        fits("pgbench random", byFunction.get(0), uniform());
        fits("pgbench random_exponential 5", byFunction.get(1), exponential(5.0));
        fits("pgbench random_gaussian 2.5", byFunction.get(2), gaussian(2.5));
        fits("pgbench random_zipfian 1.5", byFunction.get(3), zipfian(1.5));
    }

    @Test
    void theSameSeedDrawsTheSameValues() {
        ScriptRandom a = new ScriptRandom(99);
        ScriptRandom b = new ScriptRandom(99);
        assertThat(draws(1_000, () -> a.zipfian(1, 1_000_000, 1.2))).isEqualTo(draws(1_000, () -> b.zipfian(1, 1_000_000, 1.2)));
    }

    @Test
    void parametersOutsidePgbenchsRangesAreRefusedWithTheRange() {
        ScriptRandom random = new ScriptRandom(1);
        assertThatThrownBy(() -> random.gaussian(1, 10, 1.9)).hasMessageContaining("at least 2.0");
        assertThatThrownBy(() -> random.zipfian(1, 10, 1.0)).hasMessageContaining("[1.001, 1000.0]");
        assertThatThrownBy(() -> random.exponential(1, 10, -1)).hasMessageContaining("greater than zero");
        assertThatThrownBy(() -> random.uniform(Long.MIN_VALUE, Long.MAX_VALUE)).hasMessageContaining("too large");
        assertThat(random.uniform(Long.MAX_VALUE - 1, Long.MAX_VALUE)).isGreaterThanOrEqualTo(Long.MAX_VALUE - 1);
    }
}
