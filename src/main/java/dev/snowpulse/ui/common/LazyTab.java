package dev.snowpulse.ui.common;

import javafx.scene.Node;

import java.util.function.Supplier;

/**
 * A tab whose view (and view model) is built when the tab is first shown, so the window opens without building the
 * charts, tiles and tables of tabs nobody has looked at yet. Must be used on the FX thread.
 */
public final class LazyTab implements TabContent {

    private final String title;
    private final Supplier<? extends TabContent> factory;
    private TabContent built;

    public LazyTab(String title, Supplier<? extends TabContent> factory) {
        this.title = title;
        this.factory = factory;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Node node() {
        return view().node();
    }

    @Override
    public void activate() {
        view().activate();
    }

    @Override
    public void deactivate() {
        if (built != null) {
            built.deactivate();
        }
    }

    @Override
    public void shutdown() {
        if (built != null) {
            built.shutdown();
        }
    }

    private TabContent view() {
        if (built == null) {
            built = factory.get();
        }
        return built;
    }
}
