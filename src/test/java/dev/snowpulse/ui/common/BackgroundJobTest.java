package dev.snowpulse.ui.common;

import dev.snowpulse.testing.DirectBackground;
import dev.snowpulse.testing.HeldBackground;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A started job says when it is over, whichever way it ended, and a cancelled one runs neither callback. */
class BackgroundJobTest {

    @Test
    void onFinishedRunsAfterTheCallbackOrAtOnceWhenTheJobIsOver() {
        List<String> seen = new ArrayList<>();
        HeldBackground held = new HeldBackground();
        BackgroundJob job = held.run("work", () -> "done", seen::add, failure -> seen.add("failed"))
                .onFinished(() -> seen.add("finished"));
        assertThat(seen).isEmpty();
        held.releaseOne();
        assertThat(seen).containsExactly("done", "finished");

        java.util.concurrent.Callable<String> failing = () -> {
            throw new IllegalStateException("no");
        };
        BackgroundJob failed = new DirectBackground().run("work", failing, seen::add, failure -> seen.add(failure.getMessage()));
        failed.onFinished(() -> seen.add("then"));
        assertThat(seen).containsExactly("done", "finished", "no", "then");
        assertThat(job.isFinished()).isTrue();
    }

    @Test
    void aCancelledJobRunsNeitherCallbackButFinishes() {
        List<String> seen = new ArrayList<>();
        HeldBackground held = new HeldBackground();
        BackgroundJob job = held.run("work", () -> "done", seen::add, failure -> seen.add("failed")).onFinished(() -> seen.add("finished"));

        job.cancel();

        assertThat(held.waiting()).isZero();
        assertThat(seen).containsExactly("finished");
    }
}
