package dev.snowpulse.ui;

import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.schema.FileState;
import dev.snowpulse.schema.SchemaFile;
import dev.snowpulse.testing.TestHosts;
import dev.snowpulse.testing.TestPostgres;
import dev.snowpulse.testing.TestWindow;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Initialising a database from the Schema tab, on the Local demo pointed at a fresh database. */
@ExtendWith(ApplicationExtension.class)
class SchemaTabUiTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;

    private TestWindow window;
    private PostgresSettings database;

    @Start
    void start(Stage stage) throws SQLException {
        database = pg.freshDatabase();
        window = TestWindow.show(TestHosts.linux(home, Map.of("PGDATABASE", database.database())), stage);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void initialisesTheDatabaseAndShowsEveryFileApplied(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#statusState").queryAs(Label.class).getText().equals("Connected"));
        robot.clickOn("#tab-schema");
        TableView<SchemaFile> files = robot.lookup("#schemaFiles").queryAs(TableView.class);
        Label summary = robot.lookup("#schemaSummary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> summary.getText().startsWith("12 files"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(files.getItems()).allMatch(f -> f.state() == FileState.PENDING);
        assertThat(robot.lookup("#schemaTarget").queryAs(Label.class).getText()).endsWith("/" + database.database());
        Button migrate = robot.lookup("#migrateButton").queryAs(Button.class);
        assertThat(migrate.getText()).isEqualTo("Initialize");

        robot.clickOn(migrate);

        ListView<String> log = robot.lookup("#schemaLog").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> summary.getText().equals("12 files: 12 applied · up to date"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(files.getItems()).allMatch(f -> f.state() == FileState.APPLIED);
        assertThat(log.getItems()).anyMatch(line -> line.matches("applied  V1__ecommerce_schema.sql in \\d+ ms"))
                .contains("applied 12 file(s); schema version 8");
        assertThat(migrate.getText()).isEqualTo("Up to date");
        assertThat(migrate.isDisabled()).isTrue();

        int placeOrder = files.getItems().stream().map(SchemaFile::script).toList().indexOf("R__place_order.sql");
        var row = robot.lookup("#schemaFiles .table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == placeOrder && r.getItem() != null);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> row.tryQuery().isPresent());
        robot.clickOn(row.queryAs(javafx.scene.Node.class));
        TextArea sql = robot.lookup("#schemaSql").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sql.getText().contains("create or replace function place_order"));
    }
}
