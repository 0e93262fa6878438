package dev.snowpulse.workload;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadSpecTest {

    private static WorkloadSpec spec(int workers, Integer orders, Duration duration, int customers, int minQ, int maxQ, Double rate, Duration warmUp) {
        return new WorkloadSpec(workers, orders, duration, customers, 10, minQ, maxQ, rate, warmUp);
    }

    @Test
    void theSeedDefaults() {
        WorkloadSpec seed = WorkloadSpec.seedDefaults();
        assertThat(seed.workers()).isEqualTo(4);
        assertThat(seed.plannedOrders()).isEqualTo(1000);
        assertThat(seed.openLoop()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0   | 10   |      | 10 | 1 | 1  |       |    | workers: 0 is outside 1..256",
            "257 | 10   |      | 10 | 1 | 1  |       |    | workers: 257 is outside 1..256",
            "4   |      |      | 10 | 1 | 1  |       |    | orders per worker or duration: give exactly one of them",
            "4   | 10   | 30   | 10 | 1 | 1  |       |    | orders per worker or duration: give exactly one of them",
            "4   | 0    |      | 10 | 1 | 1  |       |    | orders per worker: 0 is outside 1..10000000",
            "4   | 10   |      | 0  | 1 | 1  |       |    | max customers: 0 is outside 1..2147483647",
            "4   | 10   |      | 10 | 3 | 2  |       |    | max quantity: 2 is outside 3..1000",
            "4   | 10   |      | 10 | 0 | 1  |       |    | min quantity: 0 is outside 1..1000",
            "4   | 10   |      | 10 | 1 | 1  | 0     |    | rate: 0.0 orders/s is outside 0.1..1000000",
            "4   |      | 10   | 10 | 1 | 1  |       | 10 | warm-up: must be zero or more and shorter than the duration"
    })
    void badValuesNameTheFieldAndItsRange(int workers, Integer orders, Integer seconds, int customers, int minQ, int maxQ,
                                          Double rate, Integer warmUpSeconds, String message) {
        assertThatThrownBy(() -> spec(workers, orders, seconds == null ? null : Duration.ofSeconds(seconds), customers, minQ, maxQ,
                rate, warmUpSeconds == null ? null : Duration.ofSeconds(warmUpSeconds)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
