package dev.snowpulse.pipeline.deploy;


import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of a {@code CREATE TABLE IF NOT EXISTS name (...)} statement, read from its text: a column per
 * top-level entry (table constraints are skipped), its name, type, default and whether it is NOT NULL or the key.
 */
public record TableDefinition(String name, List<ColumnDefinition> columns) {

    private static final Pattern HEAD = Pattern.compile("(?is)CREATE\\s+TABLE\\s+IF\\s+NOT\\s+EXISTS\\s+([\\w.\"$]+)\\s*\\(");
    private static final Pattern KEYWORD = Pattern.compile(
            "(?i)\\b(NOT\\s+NULL|NULL|DEFAULT|PRIMARY\\s+KEY|REFERENCES|CHECK|UNIQUE|COMMENT|COLLATE)\\b");

    public TableDefinition {
        columns = List.copyOf(columns);
    }

    public static Optional<TableDefinition> parse(SqlStatement statement) {
        String sql = statement.sql();
        Matcher head = HEAD.matcher(sql);
        if (!head.lookingAt()) {
            return Optional.empty();
        }
        int open = head.end() - 1;
        int close = matching(sql, open);
        if (close < 0) {
            throw new IllegalArgumentException(statement.location() + ": the column list of " + head.group(1) + " is never closed");
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        for (String entry : topLevel(sql.substring(open + 1, close))) {
            String text = entry.strip();
            if (text.isEmpty() || text.matches("(?is)(CONSTRAINT|PRIMARY\\s+KEY|CHECK|UNIQUE|FOREIGN\\s+KEY)\\b.*")) {
                continue;
            }
            columns.add(parseColumn(text));
        }
        return Optional.of(new TableDefinition(head.group(1), columns));
    }

    public Optional<ColumnDefinition> column(String wanted) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(wanted)).findFirst();
    }

    private static ColumnDefinition parseColumn(String text) {
        String name;
        String rest;
        if (text.startsWith("\"")) {
            int end = text.indexOf('"', 1);
            name = text.substring(1, end);
            rest = text.substring(end + 1).strip();
        } else {
            String[] parts = text.split("\\s+", 2);
            name = parts[0];
            rest = parts.length > 1 ? parts[1] : "";
        }
        Matcher keyword = KEYWORD.matcher(rest);
        String type = keyword.find() ? rest.substring(0, keyword.start()).strip() : rest.strip();
        String defaultExpression = null;
        Matcher defaults = Pattern.compile("(?i)\\bDEFAULT\\s+").matcher(rest);
        if (defaults.find()) {
            String after = rest.substring(defaults.end());
            Matcher next = Pattern.compile("(?i)\\b(NOT\\s+NULL|PRIMARY\\s+KEY|REFERENCES|CHECK|UNIQUE|COMMENT)\\b").matcher(after);
            int end = after.length();
            int depth = 0;
            for (int i = 0; i < after.length(); i++) {
                char c = after.charAt(i);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth == 0 && next.find(i) && next.start() == i) {
                    end = i;
                    break;
                }
            }
            defaultExpression = after.substring(0, end).strip();
        }
        String upper = rest.toUpperCase(Locale.ROOT);
        boolean primaryKey = upper.matches("(?s).*\\bPRIMARY\\s+KEY\\b.*");
        boolean notNull = primaryKey || upper.matches("(?s).*\\bNOT\\s+NULL\\b.*");
        return new ColumnDefinition(name, type, defaultExpression, notNull, primaryKey);
    }

    /** The index of the parenthesis closing the one at {@code open}, outside quotes and comments; -1 if none. */
    private static int matching(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = sql.indexOf('\'', i + 1);
                if (i < 0) {
                    return -1;
                }
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The entries of a column list: split at commas outside parentheses and quotes, comments dropped. */
    private static List<String> topLevel(String body) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (body.startsWith("--", i)) {
                int end = body.indexOf('\n', i);
                i = end < 0 ? body.length() : end;
                current.append(' ');
                continue;
            }
            if (c == '\'') {
                int end = body.indexOf('\'', i + 1);
                current.append(body, i, end + 1);
                i = end;
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                entries.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        entries.add(current.toString());
        return entries;
    }
}
