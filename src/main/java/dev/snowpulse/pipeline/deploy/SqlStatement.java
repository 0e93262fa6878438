package dev.snowpulse.pipeline.deploy;

/** One statement of a deployment script, with where it came from so a failure can point at it. */
public record SqlStatement(String file, int line, String sql) {

    /** The first line that is not a comment, shortened: what a progress list shows. */
    public String summary() {
        for (String text : sql.split("\n")) {
            String trimmed = text.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("--")) {
                return trimmed.length() > 100 ? trimmed.substring(0, 99) + "…" : trimmed;
            }
        }
        return sql.strip();
    }

    public String location() {
        return file + ":" + line;
    }
}
