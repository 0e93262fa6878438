package dev.snowpulse.ui.kpis;

import java.util.List;

/** What the category filter shows when closed: what the tab is filtered to. */
final class CategoryFilterTitle {

    private CategoryFilterTitle() {
    }

    static String of(List<String> checked) {
        if (checked.isEmpty()) {
            return "All categories";
        }
        if (checked.size() <= 2) {
            return String.join(", ", checked);
        }
        return checked.size() + " categories";
    }
}
