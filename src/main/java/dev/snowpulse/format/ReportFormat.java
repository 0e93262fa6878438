package dev.snowpulse.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.snowpulse.app.JsonFiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Report tables as aligned text, CSV or JSON. On a terminal several tables print one after another (CSV blocks
 * headed by a "# title" comment line); an exported file holds one table, plain CSV or a JSON array of rows.
 * In JSON, values that are plain decimal numbers are written as numbers.
 */
public enum ReportFormat {
    TABLE, CSV, JSON;

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d{0,17})(\\.\\d+)?");

    public static ReportFormat of(String format) {
        return switch (format) {
            case "table" -> TABLE;
            case "csv" -> CSV;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("--format: '" + format + "' is not table, csv or json");
        };
    }

    public String extension() {
        return switch (this) {
            case TABLE -> "txt";
            case CSV -> "csv";
            case JSON -> "json";
        };
    }

    public void write(List<ReportTable> tables, PrintWriter out) throws IOException {
        switch (this) {
            case TABLE -> {
                for (int i = 0; i < tables.size(); i++) {
                    if (i > 0) {
                        out.println();
                    }
                    out.println("=== " + tables.get(i).title() + " ===");
                    text(tables.get(i), out);
                }
            }
            case CSV -> {
                for (int i = 0; i < tables.size(); i++) {
                    if (i > 0) {
                        out.println();
                    }
                    out.println("# " + tables.get(i).title());
                    out.print(csv(tables.get(i)));
                }
            }
            case JSON -> {
                ArrayNode all = JsonFiles.mapper().createArrayNode();
                for (ReportTable table : tables) {
                    ObjectNode node = all.addObject().put("title", table.title());
                    node.set("rows", rows(table));
                }
                out.println(JsonFiles.mapper().writeValueAsString(all));
            }
        }
    }

    /** One table written to {@code file} (UTF-8), replacing what was there. */
    public void export(ReportTable table, java.nio.file.Path file) throws IOException {
        try (Writer out = java.nio.file.Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
            export(table, out);
        }
    }

    /** One table as a file's whole content. */
    public void export(ReportTable table, Writer out) throws IOException {
        switch (this) {
            case TABLE -> {
                PrintWriter printer = new PrintWriter(out);
                text(table, printer);
                printer.flush();
            }
            case CSV -> out.write(csv(table));
            case JSON -> out.write(JsonFiles.mapper().writeValueAsString(rows(table)) + System.lineSeparator());
        }
    }

    private static void text(ReportTable table, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(table.columns().toArray(String[]::new));
        table.rows().forEach(r -> rows.add(r.stream().map(v -> v == null ? "" : v).toArray(String[]::new)));
        TextTable.print(rows, out);
    }

    private static String csv(ReportTable table) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        table.columns().forEach(schema::addColumn);
        return new CsvMapper().writer(schema.build()).writeValueAsString(table.rows());
    }

    /** One JSON style for every report: snake_case keys ("run id" and "time (UTC)" become run_id and time_utc). */
    static String jsonKey(String column) {
        String key = column.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return key.replaceAll("^_+|_+$", "");
    }

    private static ArrayNode rows(ReportTable table) {
        ArrayNode rows = JsonFiles.mapper().createArrayNode();
        for (List<String> row : table.rows()) {
            ObjectNode r = rows.addObject();
            for (int c = 0; c < table.columns().size(); c++) {
                String key = jsonKey(table.columns().get(c));
                String value = row.get(c);
                if (value == null || value.isEmpty()) {
                    r.putNull(key); // a value that is missing is null, never ""
                } else if (NUMBER.matcher(value).matches()) {
                    r.put(key, new BigDecimal(value));
                } else if (value.equals("true") || value.equals("false")) {
                    r.put(key, Boolean.parseBoolean(value));
                } else {
                    r.put(key, value);
                }
            }
        }
        return rows;
    }
}
