package dev.snowpulse.workload.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Scripts as a run names them, pgbench's way: {@code -b name[@weight]} for a built-in, {@code -f file[@weight]}. */
public final class ScriptSources {

    private ScriptSources() {
    }

    /** {@code known}: variables defined for the run (-D and the demo's ranges), which SQL commands may use. */
    public static WeightedScript builtin(String spec, Set<String> known) {
        return load(ScriptChoice.parse(ScriptChoice.Kind.BUILTIN, spec, "--builtin"), known);
    }

    public static WeightedScript file(String spec, Set<String> known) {
        return load(ScriptChoice.parse(ScriptChoice.Kind.FILE, spec, "--file"), known);
    }

    /** The choice's script, read and checked; a file is read from disk (a failure to read it is an UncheckedIOException). */
    public static WeightedScript load(ScriptChoice choice, Set<String> known) {
        if (choice.kind() == ScriptChoice.Kind.BUILTIN) {
            String name = BuiltinScripts.resolve(choice.name());
            return new WeightedScript(ScriptParser.parse(name, BuiltinScripts.text(name), known), choice.weight());
        }
        Path path = Path.of(choice.name());
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("--file: " + path + " is not a file");
        }
        try {
            return new WeightedScript(ScriptParser.parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8), known), choice.weight());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path + ": " + e.getMessage(), e);
        }
    }
}
