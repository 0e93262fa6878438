package dev.snowpulse.pipeline.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Snowflake SQL file into statements and fills in its {@code <% name %>} variables. A semicolon ends a
 * statement only outside quotes, comments and {@code $$ ... $$} bodies (procedures hold many of their own).
 */
public final class SqlScript {

    private static final Pattern VARIABLE = Pattern.compile("<%\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*%>");

    private SqlScript() {
    }

    public static String render(String text, Map<String, String> variables, String file) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException(file + ": unknown variable <% " + matcher.group(1) + " %>");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    public static List<SqlStatement> split(String text, String file) {
        List<SqlStatement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("--", i)) {
                int end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                current.append(text, i, end);
                i = end;
                continue;
            }
            if (text.startsWith("$$", i)) {
                int end = text.indexOf("$$", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException(file + ":" + line + ": a $$ body is never closed");
                }
                String body = text.substring(i, end + 2);
                startLine = startLine < 0 ? line : startLine;
                current.append(body);
                line += (int) body.chars().filter(ch -> ch == '\n').count();
                i = end + 2;
                continue;
            }
            if (c == '\'') {
                int end = i + 1;
                while (end < text.length() && !(text.charAt(end) == '\'' && (end + 1 >= text.length() || text.charAt(end + 1) != '\''))) {
                    end += text.charAt(end) == '\'' ? 2 : 1;
                }
                String quoted = text.substring(i, Math.min(text.length(), end + 1));
                startLine = startLine < 0 ? line : startLine;
                current.append(quoted);
                line += (int) quoted.chars().filter(ch -> ch == '\n').count();
                i = end + 1;
                continue;
            }
            if (c == ';') {
                add(statements, current, file, startLine);
                current.setLength(0);
                startLine = -1;
                i++;
                continue;
            }
            if (c == '\n') {
                line++;
            } else if (!Character.isWhitespace(c) && startLine < 0) {
                startLine = line;
            }
            current.append(c);
            i++;
        }
        add(statements, current, file, startLine);
        return statements;
    }

    private static void add(List<SqlStatement> statements, StringBuilder text, String file, int line) {
        String sql = withoutLeadingComments(text.toString()).strip();
        if (!sql.isEmpty()) {
            statements.add(new SqlStatement(file, line, sql));
        }
    }

    private static String withoutLeadingComments(String sql) {
        StringBuilder kept = new StringBuilder();
        boolean started = false;
        for (String text : sql.split("\n", -1)) {
            if (!started && (text.isBlank() || text.strip().startsWith("--"))) {
                continue;
            }
            started = true;
            kept.append(text).append('\n');
        }
        return kept.toString();
    }
}
