package dev.snowpulse.kpi;

import dev.snowpulse.validation.Checks;
import dev.snowpulse.validation.FieldError;

import java.util.List;

/**
 * What the dashboard asks for: the window ending now, the categories (empty: all), how many recent orders and top
 * customers. Checked here; a bad value is refused with the field and its range.
 */
public record KpiQuery(int windowMinutes, List<String> categories, int recentLimit, int topCustomers) {

    public static final int MAX_WINDOW_MINUTES = 30 * 24 * 60;

    public KpiQuery {
        Checks.range("window", windowMinutes, 1, MAX_WINDOW_MINUTES, " minutes");
        Checks.range("recent orders limit", recentLimit, 1, 1000);
        Checks.range("top customers", topCustomers, 1, 100);
        categories = categories == null ? List.of() : categories.stream().map(String::strip).distinct().toList();
        if (categories.stream().anyMatch(String::isEmpty)) {
            throw new FieldError("category", "an empty name is not a category");
        }
    }

    /** The seed dashboard's defaults: the last 15 minutes, all categories, 10 recent orders, top 5 customers. */
    public static KpiQuery defaults() {
        return new KpiQuery(15, List.of(), 10, 5);
    }

    public KpiQuery withWindow(int minutes) {
        return new KpiQuery(minutes, categories, recentLimit, topCustomers);
    }

    public KpiQuery withCategories(List<String> chosen) {
        return new KpiQuery(windowMinutes, chosen, recentLimit, topCustomers);
    }

    public KpiQuery withRecentLimit(int limit) {
        return new KpiQuery(windowMinutes, categories, limit, topCustomers);
    }

    /** The categories as the functions take them: null for all. */
    String[] categoryArray() {
        return categories.isEmpty() ? null : categories.toArray(String[]::new);
    }
}
