package dev.snowpulse.pipeline.audit;

import dev.snowpulse.pipeline.reference.ReferenceTable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reference tables as one run saw them: per table, its rows as column -> display text. */
public record RunSnapshot(String runId, Map<ReferenceTable, List<Map<String, String>>> tables) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunSnapshot {
        Map<ReferenceTable, List<Map<String, String>>> copy = new EnumMap<>(ReferenceTable.class);
        tables.forEach((table, rows) -> copy.put(table, rows.stream().map(r -> (Map<String, String>) java.util.Collections
                .unmodifiableMap(new LinkedHashMap<>(r))).toList()));
        tables = java.util.Collections.unmodifiableMap(copy);
    }

    public List<Map<String, String>> rows(ReferenceTable table) {
        return tables.getOrDefault(table, List.of());
    }

    /** Rows from a snapshot column: a JSON array of objects (OBJECT_CONSTRUCT(*) or jsonb_agg(to_jsonb(t))), or its text. */
    public static List<Map<String, String>> parseRows(String json, String column) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonNode array;
        try {
            array = JSON.readTree(json);
            // seed 001's generator stored its snapshots as JSON text inside the VARIANT
            if (array.isTextual()) {
                array = JSON.readTree(array.asText());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(column + " is not JSON: " + e.getOriginalMessage());
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException(column + " is not a JSON array of rows");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode object : array) {
            Map<String, String> row = new LinkedHashMap<>();
            object.properties().forEach(e -> row.put(e.getKey().toUpperCase(java.util.Locale.ROOT), text(e.getValue())));
            rows.add(row);
        }
        return rows;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNumber()) {
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
