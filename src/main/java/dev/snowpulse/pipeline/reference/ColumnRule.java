package dev.snowpulse.pipeline.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;

/** What a reference column accepts. {@link #check} returns the value as it will be stored, or names the problem. */
public enum ColumnRule {
    FRACTION("a number from 0 to 1", "0–1"),
    NON_NEGATIVE("a number of 0 or more", "≥ 0"),
    COUNT("a whole number of 1 or more", "whole ≥ 1"),
    WHOLE("a whole number of 0 or more", "whole ≥ 0"),
    BOOLEAN("true or false", "true/false"),
    MONTHS("a JSON array of month numbers 1..12, e.g. [11, 12]", "months"),
    TEXT("text", ""),
    PARAMETER("a value that fits the parameter's type: a number, text, true/false, or a JSON array or object", "by type"),
    FIXED("not editable", "read-only");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String expectation;
    private final String shortForm;

    ColumnRule(String expectation, String shortForm) {
        this.expectation = expectation;
        this.shortForm = shortForm;
    }

    /** What a column header shows next to the name, e.g. "0–1". */
    public String shortForm() {
        return shortForm;
    }

    public String expectation() {
        return expectation;
    }

    public String check(String column, String input) {
        String value = input == null ? "" : input.strip();
        return switch (this) {
            case FRACTION -> number(column, value, BigDecimal.ZERO, BigDecimal.ONE);
            case NON_NEGATIVE -> number(column, value, BigDecimal.ZERO, null);
            case COUNT -> {
                String number = number(column, value, BigDecimal.ONE, null);
                if (new BigDecimal(number).stripTrailingZeros().scale() > 0) {
                    throw problem(column, value);
                }
                yield new BigDecimal(number).toBigInteger().toString();
            }
            case WHOLE -> {
                String number = number(column, value, BigDecimal.ZERO, null);
                if (new BigDecimal(number).stripTrailingZeros().scale() > 0) {
                    throw problem(column, value);
                }
                yield new BigDecimal(number).toBigInteger().toString();
            }
            case BOOLEAN -> switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes" -> "true";
                case "false", "no" -> "false";
                default -> throw problem(column, value);
            };
            case MONTHS -> months(column, value);
            case TEXT -> value;
            case PARAMETER -> json(column, value).toString();
            case FIXED -> throw new IllegalArgumentException(column + ": cannot be changed here");
        };
    }

    /**
     * GENERATION_PARAMETERS values: the row's PARAMETER_TYPE decides what fits. Seed 001's types are NUMBER, STRING,
     * BOOLEAN, ARRAY and OBJECT; an earlier SnowPulse wrote probability, rate, money, count and list.
     */
    public static String checkParameter(String type, String input) {
        String value = input == null ? "" : input.strip();
        return switch (type == null ? "" : type.toLowerCase(java.util.Locale.ROOT)) {
            case "number" -> number("parameter value", value);
            case "string" -> text("parameter value", value);
            case "boolean" -> BOOLEAN.check("parameter value", value);
            case "probability", "rate" -> FRACTION.check("parameter value", value);
            case "money" -> NON_NEGATIVE.check("parameter value", value);
            case "count" -> COUNT.check("parameter value", value);
            case "array", "list" -> {
                JsonNode node = json("parameter value", value);
                if (!node.isArray() || node.isEmpty()) {
                    throw new IllegalArgumentException("parameter value: '" + value + "' must be a non-empty JSON array, e.g. [\"credit_card\"]");
                }
                yield node.toString();
            }
            case "object" -> {
                JsonNode node = json("parameter value", value);
                if (!node.isObject()) {
                    throw new IllegalArgumentException("parameter value: '" + value + "' must be a JSON object, e.g. {\"a\": 1}");
                }
                yield node.toString();
            }
            default -> json("parameter value", value).toString();
        };
    }

    private static String number(String column, String value) {
        try {
            return new BigDecimal(value).toPlainString();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + ": '" + value + "' is not a number");
        }
    }

    private static String text(String column, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(column + ": a value is required");
        }
        return value;
    }

    private String number(String column, String value, BigDecimal min, BigDecimal max) {
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw problem(column, value);
        }
        if (number.compareTo(min) < 0 || (max != null && number.compareTo(max) > 0)) {
            throw problem(column, value);
        }
        return number.toPlainString();
    }

    private String months(String column, String value) {
        JsonNode node = json(column, value);
        if (!node.isArray() || node.isEmpty()) {
            throw problem(column, value);
        }
        for (JsonNode month : node) {
            if (!month.isInt() || month.asInt() < 1 || month.asInt() > 12) {
                throw problem(column, value);
            }
        }
        return node.toString().replace(",", ", ");
    }

    private static JsonNode json(String column, String value) {
        try {
            JsonNode node = JSON.readTree(value);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException(column + ": a value is required");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(column + ": '" + value + "' is not JSON (text needs quotes, e.g. \"card\")");
        }
    }

    private IllegalArgumentException problem(String column, String value) {
        return new IllegalArgumentException(column + ": '" + value + "' is not " + expectation);
    }
}
