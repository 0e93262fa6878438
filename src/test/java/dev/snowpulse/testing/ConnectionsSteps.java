package dev.snowpulse.testing;

import org.testfx.api.FxRobot;

import java.io.IOException;
import java.net.ServerSocket;

import static dev.snowpulse.testing.FxReads.text;
import static dev.snowpulse.testing.FxReads.waitUntil;

/** What a person does on the Connections tab of the real window, for the UI tests that switch profile. */
public final class ConnectionsSteps {

    private ConnectionsSteps() {
    }

    /** A port nothing listens on: one the system just handed out and took back. */
    public static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Types a new Postgres profile {@code name} for 127.0.0.1:{@code port}, saves it and connects; waits for the switch. */
    public static void connectToNewPostgresProfile(FxRobot robot, String name, int port) throws Exception {
        robot.clickOn("#tab-connections");
        robot.clickOn("#newMenu").clickOn("#newPostgres");
        robot.doubleClickOn("#profileName").eraseText(20).write(name);
        robot.doubleClickOn("#host").eraseText(20).write("127.0.0.1");
        robot.doubleClickOn("#port").eraseText(6).write(Integer.toString(port));
        robot.clickOn("#database").write("shop");
        robot.clickOn("#user").write("shop");
        robot.clickOn("#saveButton");
        robot.clickOn("#connectButton");
        waitUntil(() -> text(robot, "#statusProfile").equals(name));
    }
}
