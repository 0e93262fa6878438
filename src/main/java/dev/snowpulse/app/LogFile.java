package dev.snowpulse.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * SnowPulse's log: {@code logs/snowpulse-0.log} in the data directory, rolled over at 1 MiB to five files at most,
 * shared by the app and the CLI (a process that finds the file locked by another writes {@code snowpulse-0.log.1}). SnowPulse's own messages from INFO,
 * the libraries' from WARNING. Anything shaped like a secret is masked before it is written.
 */
public final class LogFile {

    public static final String FIRST_FILE = "snowpulse-0.log";
    static final int LIMIT_BYTES = 1024 * 1024;
    static final int FILES = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    /**
     * password=..., "password" : "...", PGPASSWORD='...', token: ..., passphrase, pwd, secret: the value is masked,
     * quoted values to their closing quote.
     */
    private static final Pattern SECRET = Pattern.compile("(?i)(\"?[a-z_]*(?:password|passwd|passphrase|token|secret|pwd)\"?"
            + "\\s*[=:]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s\"'&;,)]+)");
    /** The password of a URI's user information: postgres://user:password@host. */
    private static final Pattern URI_PASSWORD = Pattern.compile("(://[^:/@\\s]+:)[^@\\s]+@");
    /** Holds the level it is given: java.util.logging keeps loggers only while someone refers to them. */
    private static final Logger SNOWPULSE = Logger.getLogger("dev.snowpulse");

    private LogFile() {
    }

    /** Starts writing the log under {@code logsDir}; the handler is returned so that tests can close it. */
    public static FileHandler install(Path logsDir) throws IOException {
        return install(logsDir, LIMIT_BYTES, FILES);
    }

    static FileHandler install(Path logsDir, int limitBytes, int files) throws IOException {
        JsonFiles.createPrivateDirectories(logsDir);
        FileHandler handler = new FileHandler(logsDir.resolve("snowpulse-%g.log").toString(), limitBytes, files, true);
        handler.setLevel(Level.INFO);
        handler.setFormatter(new MaskingFormatter());
        handler.setFilter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()
                || entry.getLoggerName() != null && entry.getLoggerName().startsWith("dev.snowpulse"));
        Logger.getLogger("").addHandler(handler);
        SNOWPULSE.setLevel(Level.INFO);
        return handler;
    }

    static String mask(String text) {
        if (text == null) {
            return "";
        }
        return URI_PASSWORD.matcher(SECRET.matcher(text).replaceAll("$1***")).replaceAll("$1***@");
    }

    /** One line per entry (time, level, logger, message), the exception's chain on the lines after it; masked. */
    private static final class MaskingFormatter extends Formatter {
        @Override
        public String format(LogRecord entry) {
            StringBuilder line = new StringBuilder(TIME.format(Instant.ofEpochMilli(entry.getMillis()))).append(' ')
                    .append(entry.getLevel().getName()).append(' ').append(entry.getLoggerName()).append(": ")
                    .append(formatMessage(entry)).append(System.lineSeparator());
            for (Throwable t = entry.getThrown(); t != null; t = t.getCause()) {
                line.append(t == entry.getThrown() ? "  " : "  caused by ").append(t.getClass().getName()).append(": ")
                        .append(t.getMessage()).append(System.lineSeparator());
            }
            return mask(line.toString());
        }
    }
}
