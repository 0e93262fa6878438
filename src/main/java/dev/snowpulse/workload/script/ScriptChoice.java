package dev.snowpulse.workload.script;

/** One script a run is asked to mix in: a built-in by name ({@code -b}) or a file ({@code -f}), with its weight. */
public record ScriptChoice(Kind kind, String name, int weight) {

    public enum Kind { BUILTIN, FILE }

    public ScriptChoice {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a script needs a name or a file");
        }
        if (weight < 0 || weight > 1_000_000) {
            throw new IllegalArgumentException("weight " + weight + " of " + name + " is outside 0..1000000");
        }
    }

    public static ScriptChoice builtin(String name, int weight) {
        return new ScriptChoice(Kind.BUILTIN, name, weight);
    }

    public static ScriptChoice file(String path, int weight) {
        return new ScriptChoice(Kind.FILE, path, weight);
    }

    /** {@code name@3} as typed after {@code option}: the weight after the last {@code @}, 1 without one. */
    public static ScriptChoice parse(Kind kind, String typed, String option) {
        int at = typed.lastIndexOf('@');
        if (at < 0) {
            return new ScriptChoice(kind, typed, 1);
        }
        String weight = typed.substring(at + 1);
        try {
            return new ScriptChoice(kind, typed.substring(0, at), Integer.parseInt(weight));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + weight + "' in '" + typed + "' is not a whole-number weight");
        }
    }

    /** As the command line writes it: {@code name@weight}. */
    public String spec() {
        return name + "@" + weight;
    }
}
