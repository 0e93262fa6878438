package dev.snowpulse.ui.common;

import javafx.animation.AnimationTimer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * {@link FrameSteps} on an AnimationTimer: a step at the start of every second pulse, before that pulse's CSS and
 * layout, so the renderer has drawn one step before the next one is laid out.
 */
public final class FxFrameSteps implements FrameSteps {

    private static final int FRAMES_PER_STEP = 2;

    private final Deque<Runnable> pending = new ArrayDeque<>();
    private long frame;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (++frame % FRAMES_PER_STEP != 0) {
                return;
            }
            Runnable step = pending.poll();
            if (step != null) {
                step.run();
            }
            if (pending.isEmpty()) {
                stop();
            }
        }
    };

    @Override
    public void apply(List<Runnable> steps) {
        pending.clear();
        pending.addAll(steps);
        if (!pending.isEmpty()) {
            // the first step now: the update starts on the frame it arrived for, the rest follow two frames apart
            pending.poll().run();
            if (!pending.isEmpty()) {
                frame = 0;
                timer.start();
            }
        }
    }
}
