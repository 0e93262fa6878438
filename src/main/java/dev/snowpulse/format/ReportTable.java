package dev.snowpulse.format;

import java.util.List;

/** A titled result: column names and rows of display values, for text, CSV and JSON output alike. */
public record ReportTable(String title, List<String> columns, List<List<String>> rows) {

    public ReportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
