package dev.snowpulse.workload.script;

/** A script that cannot run as written, found before anything runs: where it is (file, line, column) and what to fix. */
public final class ScriptError extends RuntimeException {

    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public ScriptError(String file, int line, int column, String problem) {
        super(file + ":" + line + (column > 0 ? ":" + column : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** 1-based; 0 when the whole line is meant. */
    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
