package dev.snowpulse.ui.common;

import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An update in steps on the real pulse: the first at once, the rest two pulses apart; a newer update replaces the rest. */
@ExtendWith(ApplicationExtension.class)
class FxFrameStepsTest {

    private final List<String> ran = new ArrayList<>();
    private final List<Long> pulseOfStep = new ArrayList<>();
    private long pulses;
    private final AnimationTimer counter = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulses++;
        }
    };

    @Start
    void start(Stage stage) {
        counter.start();
    }

    private Runnable step(String name) {
        return () -> {
            ran.add(name);
            pulseOfStep.add(pulses);
        };
    }

    @Test
    void runsTheFirstStepAtOnceAndTheOthersTwoPulsesApart() throws Exception {
        FxFrameSteps frames = new FxFrameSteps();
        List<String> atOnce = WaitForAsyncUtils.asyncFx(() -> {
            frames.apply(List.of(step("a"), step("b"), step("c")));
            return List.copyOf(ran);
        }).get();
        assertThat(atOnce).containsExactly("a");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> ran.size() == 3).get());
        WaitForAsyncUtils.asyncFx(() -> {
            assertThat(ran).containsExactly("a", "b", "c");
            assertThat(pulseOfStep.get(2) - pulseOfStep.get(1)).isEqualTo(2);
            assertThat(pulseOfStep.get(1)).isGreaterThan(pulseOfStep.get(0));
        }).get();
    }

    @Test
    void aNewerUpdateReplacesTheStepsOfAnOlderOneThatHaveNotRun() throws Exception {
        FxFrameSteps frames = new FxFrameSteps();
        WaitForAsyncUtils.asyncFx(() -> {
            frames.apply(List.of(step("old 1"), step("old 2"), step("old 3")));
            frames.apply(List.of(step("new 1"), step("new 2")));
        }).get();

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> ran.contains("new 2")).get());
        // a few more pulses: nothing of the old update comes back
        long seen = WaitForAsyncUtils.asyncFx(() -> pulses).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> pulses >= seen + 6).get());
        assertThat(WaitForAsyncUtils.asyncFx(() -> List.copyOf(ran)).get()).containsExactly("old 1", "new 1", "new 2");
    }
}
