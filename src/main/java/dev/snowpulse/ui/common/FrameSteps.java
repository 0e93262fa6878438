package dev.snowpulse.ui.common;

import java.util.List;

/**
 * Applies an update to the screen in steps, one step a frame: each frame then lays out and draws one part, so no
 * single frame needs more than a few milliseconds of CPU. On a loaded machine a long frame is what the scheduler cuts
 * into slices, and what shows as a stall. A new update replaces the steps of an earlier one that have not run yet.
 */
@FunctionalInterface
public interface FrameSteps {

    /** All steps at once, for ViewModel tests that run without a toolkit. */
    FrameSteps INLINE = steps -> steps.forEach(Runnable::run);

    void apply(List<Runnable> steps);
}
