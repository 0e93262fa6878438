package dev.snowpulse.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.snowpulse.profile.JsonFiles;


import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Report tables as aligned text, CSV (one block per table, with its title as a comment line) or JSON. */
public enum ReportFormat {
    TABLE, CSV, JSON;

    public static ReportFormat of(String format) {
        return switch (format) {
            case "table" -> TABLE;
            case "csv" -> CSV;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("--format: '" + format + "' is not table, csv or json");
        };
    }

    public void write(List<ReportTable> tables, PrintWriter out) throws IOException {
        switch (this) {
            case TABLE -> {
                for (int i = 0; i < tables.size(); i++) {
                    ReportTable table = tables.get(i);
                    if (i > 0) {
                        out.println();
                    }
                    out.println("=== " + table.title() + " ===");
                    List<String[]> rows = new ArrayList<>();
                    rows.add(table.columns().toArray(String[]::new));
                    table.rows().forEach(r -> rows.add(r.stream().map(v -> v == null ? "" : v).toArray(String[]::new)));
                    TextTable.print(rows, out);
                }
            }
            case CSV -> {
                CsvMapper csv = new CsvMapper();
                for (int i = 0; i < tables.size(); i++) {
                    ReportTable table = tables.get(i);
                    if (i > 0) {
                        out.println();
                    }
                    out.println("# " + table.title());
                    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
                    table.columns().forEach(schema::addColumn);
                    out.print(csv.writer(schema.build()).writeValueAsString(table.rows()));
                }
            }
            case JSON -> {
                ArrayNode all = JsonFiles.mapper().createArrayNode();
                for (ReportTable table : tables) {
                    ObjectNode node = all.addObject().put("title", table.title());
                    ArrayNode rows = node.putArray("rows");
                    for (List<String> row : table.rows()) {
                        ObjectNode r = rows.addObject();
                        for (int c = 0; c < table.columns().size(); c++) {
                            r.put(table.columns().get(c), row.get(c));
                        }
                    }
                }
                out.println(JsonFiles.mapper().writeValueAsString(all));
            }
        }
    }
}
