package dev.snowpulse.workload.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Scripts as a run names them, pgbench's way: {@code -b name[@weight]} for a built-in, {@code -f file[@weight]}. */
public final class ScriptSources {

    private ScriptSources() {
    }

    private record Named(String name, int weight) {
    }

    private static Named split(String spec, String option) {
        int at = spec.lastIndexOf('@');
        if (at < 0) {
            return new Named(spec, 1);
        }
        String weight = spec.substring(at + 1);
        try {
            return new Named(spec.substring(0, at), Integer.parseInt(weight));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + weight + "' in '" + spec + "' is not a whole-number weight");
        }
    }

    /** {@code known}: variables defined for the run (-D and the demo's ranges), which SQL commands may use. */
    public static WeightedScript builtin(String spec, Set<String> known) {
        Named n = split(spec, "--builtin");
        String name = BuiltinScripts.resolve(n.name());
        return new WeightedScript(ScriptParser.parse(name, BuiltinScripts.text(name), known), n.weight());
    }

    public static WeightedScript file(String spec, Set<String> known) throws IOException {
        Named n = split(spec, "--file");
        Path path = Path.of(n.name());
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("--file: " + path + " is not a file");
        }
        return new WeightedScript(ScriptParser.parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8), known), n.weight());
    }
}
