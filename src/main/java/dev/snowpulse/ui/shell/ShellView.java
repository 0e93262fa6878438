package dev.snowpulse.ui.shell;

import dev.snowpulse.ui.common.ShellViewModel;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.ui.common.TabContent;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The main window's content: one tab per part of SnowPulse, a notice banner, the status bar, and a frame in the
 * active profile's colour when it is a prod profile.
 */
public final class ShellView {

    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final List<TabContent> contents;
    private TabContent shown;

    public ShellView(ShellViewModel model, List<TabContent> contents) {
        this.contents = contents;
        root.getStyleClass().add("shell");
        root.setId("shell");
        for (TabContent content : contents) {
            // A tab's content joins the scene when the tab is first shown: styling and skinning every tab up front
            // doubled the time to the first window.
            Tab tab = new Tab(content.title());
            tab.setClosable(false);
            tab.setId("tab-" + content.title().toLowerCase(java.util.Locale.ROOT));
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> show(now.intValue()));
        attach(tabs.getSelectionModel().getSelectedIndex());

        Label notice = new Label();
        notice.setId("notice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        root.setTop(new VBox(notice));
        root.setCenter(tabs);
        root.setBottom(StatusBar.build(model));
        model.activeProfileProperty().addListener((obs, old, now) -> frame(now));
    }

    /** Activates the first tab; call once the window is showing. */
    public void start() {
        show(tabs.getSelectionModel().getSelectedIndex());
    }

    /** Deactivates the tab on screen, so it stops polling, and shuts every tab down; call when the window closes. */
    public void stop() {
        if (shown != null) {
            shown.deactivate();
            shown = null;
        }
        contents.forEach(TabContent::shutdown);
    }

    private void show(int index) {
        if (shown != null) {
            shown.deactivate();
        }
        shown = index < 0 ? null : contents.get(index);
        if (shown != null) {
            attach(index);
            shown.activate();
        }
    }

    private void attach(int index) {
        Tab tab = index < 0 ? null : tabs.getTabs().get(index);
        if (tab != null && tab.getContent() == null) {
            tab.setContent(contents.get(index).node());
        }
    }

    private void frame(ConnectionProfile profile) {
        boolean prod = profile != null && profile.isProd();
        root.getStyleClass().remove("prod-frame");
        if (prod) {
            root.getStyleClass().add("prod-frame");
            root.setStyle("-fx-border-color: " + profile.environment().colour() + ";");
        } else {
            root.setStyle("");
        }
    }

    public Parent root() {
        return root;
    }
}
