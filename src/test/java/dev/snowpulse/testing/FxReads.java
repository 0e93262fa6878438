package dev.snowpulse.testing;

import javafx.scene.control.Label;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Reading the live window from a UI test: lookups and reads on the FX thread, waits that poll a condition. */
public final class FxReads {

    private FxReads() {
    }

    /** Looks up and reads on the FX thread: refreshes change the scene graph while a test reads it. */
    public static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of the label {@code id}, or "" while it is not in the scene. */
    public static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).tryQueryAs(Label.class).map(Label::getText).orElse(""));
    }

    /**
     * Waits until the label's text passes {@code expected}; a failure names what was awaited and the text the label
     * ended with, which a bare timeout would not.
     */
    public static void waitForText(Label label, int seconds, String what, java.util.function.Predicate<String> expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> expected.test(label.getText()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited " + seconds + " s for " + what + "; the label says: \"" + onFx(label::getText) + "\"", e);
        }
    }

    public static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
