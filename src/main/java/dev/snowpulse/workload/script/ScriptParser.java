package dev.snowpulse.workload.script;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a pgbench script: SQL commands end at a {@code ;} outside quotes and comments ({@code \;} joins two into one
 * command) or where a meta-command starts, meta-commands start at a backslash and end with their line (a trailing
 * backslash continues them), and {@code --} comments are dropped. Every problem names the file, line and column before
 * anything runs; the meta-commands SnowPulse does not run are refused by name.
 */
public final class ScriptParser {

    /** pgbench's meta-commands that SnowPulse does not run, refused by name rather than skipped. */
    static final Set<String> UNSUPPORTED = Set.of("gset", "aset", "if", "elif", "else", "endif", "shell", "setshell",
            "startpipeline", "endpipeline");

    private static final Pattern SET = Pattern.compile("\\\\set\\s+([A-Za-z0-9_\\x80-\\x{10FFFF}]+)\\s+(.*)", Pattern.DOTALL);
    private static final Pattern SLEEP = Pattern.compile("\\\\sleep\\s+(:?[A-Za-z0-9_.\\x80-\\x{10FFFF}]+)(?:\\s+(\\S+))?\\s*");

    private ScriptParser() {
    }

    /** The variables any command can read without a {@code \set}: pgbench's own and the run's definitions. */
    public static final Set<String> AUTOMATIC = Set.of("scale", "client_id", "random_seed", "default_seed");

    /**
     * {@code known}: the variables a SQL command may use, besides those its own scripts set (a {@code :word} that is
     * none of them stays as written, as pgbench's simple mode leaves it).
     */
    public static PgbenchScript parse(String file, String text, Set<String> known) {
        List<String> lines = List.of(text.replace("\r\n", "\n").split("\n", -1));
        Set<String> variables = new LinkedHashSet<>(known);
        variables.addAll(AUTOMATIC);
        // the names a \set anywhere in the script defines, so a SQL command before it may still use them
        for (String line : lines) {
            Matcher m = SET.matcher(line.strip());
            if (m.matches()) {
                variables.add(m.group(1));
            }
        }
        return new PgbenchScript(file, new Scan(file, text.replace("\r\n", "\n"), variables).commands());
    }

    /**
     * One pass over the text: quotes ('...', "...", $tag$...$tag$) and block comments keep their {@code ;}, {@code ?}
     * and {@code :words} as SQL; outside them a {@code ;} ends the command, a {@code ?} is escaped for JDBC and a
     * {@code :variable} the script knows becomes a parameter.
     */
    private static final class Scan {
        private final String file;
        private final String text;
        private final Set<String> variables;
        private final List<Command> commands = new ArrayList<>();
        private final StringBuilder jdbc = new StringBuilder();
        private final List<String> bound = new ArrayList<>();
        private int pos;
        private int line = 1;
        private int lineStart;
        private int commandLine;
        private int commandStart;

        Scan(String file, String text, Set<String> variables) {
            this.file = file;
            this.text = text;
            this.variables = variables;
        }

        private boolean pending() {
            return !jdbc.toString().isBlank();
        }

        private char at(int i) {
            return i < text.length() ? text.charAt(i) : '\0';
        }

        private void newline() {
            line++;
            lineStart = pos + 1;
        }

        List<Command> commands() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                // as pgbench: a backslash outside quotes ends the SQL so far (\gset would follow it) and starts a meta-command
                if (c == '\\' && at(pos + 1) != ';') {
                    end(pos);
                    meta();
                    continue;
                }
                if (!pending() && Character.isWhitespace(c)) {
                    if (c == '\n') {
                        newline();
                    }
                    pos++;
                    continue;
                }
                if (!pending()) {
                    commandLine = line;
                    commandStart = pos;
                }
                if (c == '-' && at(pos + 1) == '-') {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                    continue;
                }
                if (c == '\'' || c == '"') {
                    quoted(String.valueOf(c));
                } else if (c == '$' && dollarTag() != null) {
                    quoted(dollarTag());
                } else if (c == '/' && at(pos + 1) == '*') {
                    quoted("*/", "/*");
                } else if (c == '\\' && at(pos + 1) == ';') {
                    jdbc.append(';');
                    pos += 2;
                } else if (c == ';') {
                    end(pos + 1);
                    pos++;
                } else if (c == '?') {
                    jdbc.append("??");
                    pos++;
                } else if (c == ':' && at(pos + 1) == ':') {
                    while (at(pos) == ':') {
                        jdbc.append(':');
                        pos++;
                    }
                } else if (c == ':') {
                    variable();
                } else {
                    if (c == '\n') {
                        newline();
                    }
                    jdbc.append(c);
                    pos++;
                }
            }
            if (pending()) {
                end(pos);
            }
            if (commands.isEmpty()) {
                throw new ScriptError(file, 1, 0, "the script has no command");
            }
            return commands;
        }

        /** Ends the SQL command pending, if any; its source runs from where it started to {@code sourceEnd}. */
        private void end(int sourceEnd) {
            if (pending()) {
                commands.add(new Command.Sql(jdbc.toString().strip(), List.copyOf(bound), commandLine,
                        oneLine(text.substring(commandStart, sourceEnd))));
            }
            jdbc.setLength(0);
            bound.clear();
        }

        private void variable() {
            int end = pos + 1;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
            String name = text.substring(pos + 1, end);
            if (!name.isEmpty() && variables.contains(name)) {
                bound.add(name);
                jdbc.append('?');
            } else {
                jdbc.append(text, pos, end);
            }
            pos = end;
        }

        /** "$tag$" or "$$" starting here, or null: a parameter such as $1 is no quote. */
        private String dollarTag() {
            int end = pos + 1;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
            if (end < text.length() && text.charAt(end) == '$' && (end == pos + 1 || !Character.isDigit(text.charAt(pos + 1)))) {
                return text.substring(pos, end + 1);
            }
            return null;
        }

        private void quoted(String close) {
            quoted(close, close);
        }

        /** Copies from the opening {@code open} to the matching {@code close} as it is. */
        private void quoted(String close, String open) {
            int startLine = line;
            int startColumn = pos - lineStart + 1;
            jdbc.append(open);
            pos += open.length();
            while (pos < text.length()) {
                if (text.startsWith(close, pos)) {
                    jdbc.append(close);
                    pos += close.length();
                    // '' inside a quoted string is one quote, not its end
                    if ((close.equals("'") || close.equals("\"")) && text.startsWith(close, pos)) {
                        jdbc.append(close);
                        pos += close.length();
                        continue;
                    }
                    return;
                }
                char c = text.charAt(pos);
                if (c == '\n') {
                    newline();
                }
                // a ? inside a quote is text; JDBC would read it as a parameter unless doubled
                jdbc.append(c == '?' ? "??" : String.valueOf(c));
                pos++;
            }
            throw new ScriptError(file, startLine, startColumn, "unterminated quote " + open + " (it is not closed before the end of the file)");
        }

        private void meta() {
            int first = line;
            int indent = pos - lineStart;
            StringBuilder meta = new StringBuilder();
            while (pos < text.length()) {
                int eol = text.indexOf('\n', pos);
                String rest = eol < 0 ? text.substring(pos) : text.substring(pos, eol);
                pos = eol < 0 ? text.length() : eol;
                String stripped = rest.stripTrailing();
                if (stripped.endsWith("\\") && !stripped.endsWith("\\\\") && pos < text.length()) {
                    meta.append(stripped, 0, stripped.length() - 1).append(' ');
                    newline();
                    pos++;
                    continue;
                }
                meta.append(stripped);
                break;
            }
            commands.add(ScriptParser.meta(file, first, indent, meta.toString().strip()));
        }
    }

    /** Whitespace runs, line breaks included, as one space: a command's source on one report line. */
    static String oneLine(String source) {
        return source.strip().replaceAll("\\s+", " ");
    }

    private static Command meta(String file, int line, int indent, String text) {
        Matcher word = Pattern.compile("\\\\(\\S*)").matcher(text);
        word.lookingAt();
        String name = word.group(1).toLowerCase(Locale.ROOT);
        if (UNSUPPORTED.contains(name)) {
            throw new ScriptError(file, line, indent + 1, "\\" + name + " is not supported by SnowPulse: the script would not run as written");
        }
        switch (name) {
            case "set" -> {
                Matcher m = SET.matcher(text);
                if (!m.matches()) {
                    throw new ScriptError(file, line, indent + 1, "\\set needs a variable name and an expression: \\set name expression");
                }
                int exprStart = m.start(2);
                try {
                    return new Command.Set(m.group(1), ExprParser.parse(m.group(2)), line, oneLine(text));
                } catch (ExprParser.ParseProblem p) {
                    throw new ScriptError(file, line, indent + exprStart + p.offset + 1, p.getMessage());
                }
            }
            case "sleep" -> {
                Matcher m = SLEEP.matcher(text);
                if (!m.matches()) {
                    throw new ScriptError(file, line, indent + 1, "\\sleep needs a number or a :variable, and an optional unit: \\sleep 10 ms");
                }
                String amount = m.group(1);
                Expr e;
                if (amount.startsWith(":")) {
                    e = new Expr.Variable(amount.substring(1));
                } else {
                    try {
                        e = new Expr.Constant(Value.of(Long.parseLong(amount)));
                    } catch (NumberFormatException notInteger) {
                        throw new ScriptError(file, line, indent + m.start(1) + 1, "'" + amount + "' is not a whole number of the unit");
                    }
                }
                String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
                long nanos = switch (unit) {
                    case "us" -> 1_000L;
                    case "ms" -> 1_000_000L;
                    case "s" -> 1_000_000_000L;
                    default -> throw new ScriptError(file, line, indent + m.start(2) + 1, "unknown time unit '" + m.group(2) + "' (us, ms or s)");
                };
                return new Command.Sleep(e, nanos, line, oneLine(text));
            }
            default -> throw new ScriptError(file, line, indent + 1, "invalid command \\" + name
                    + " (SnowPulse runs \\set and \\sleep)");
        }
    }
}
