package dev.snowpulse.testing;

import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;

import java.util.List;

import static dev.snowpulse.testing.FxReads.onFx;
import static dev.snowpulse.testing.FxReads.waitUntil;

/** What a person does in the Audit tab of the real window, for the pipeline UI tests of both backends. */
public final class AuditTabSteps {

    private AuditTabSteps() {
    }

    /** Opens the Audit tab, waits for two runs, picks both (the second with Ctrl) and presses Compare selected. */
    public static void compareTheTwoRuns(FxRobot robot) throws Exception {
        robot.clickOn("#tab-audit");
        TableView<?> runs = onFx(() -> robot.lookup("#auditRuns").queryAs(TableView.class));
        waitUntil(() -> onFx(() -> runs.getItems().size()) == 2);
        List<Node> cells = onFx(() -> List.copyOf(robot.from(runs).lookup(".table-row-cell").queryAll()));
        robot.clickOn(cells.get(0));
        robot.press(KeyCode.CONTROL).clickOn(cells.get(1)).release(KeyCode.CONTROL);
        robot.clickOn("#compareRuns");
    }
}
