package dev.snowpulse.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTestTest {

    @Test
    void timeSinceLaunchComesFromTheLaunchersEpochMillis() {
        assertThat(SmokeTest.sinceLaunch("1763800000000", 1763800002345L)).isEqualTo(2345);
        assertThat(SmokeTest.sinceLaunch(" 1763800000000\n", 1763800000100L)).isEqualTo(100);
    }

    @Test
    void noOrAGarbledLaunchTimeIsLeftOut() {
        assertThat(SmokeTest.sinceLaunch(null, 5)).isEqualTo(-1);
        assertThat(SmokeTest.sinceLaunch("soon", 5)).isEqualTo(-1);
    }
}
