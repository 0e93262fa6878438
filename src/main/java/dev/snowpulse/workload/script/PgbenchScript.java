package dev.snowpulse.workload.script;

import java.util.List;

/** A parsed script: one transaction's commands, in order, as pgbench runs a script file. */
public record PgbenchScript(String name, List<Command> commands) {

    public PgbenchScript {
        commands = List.copyOf(commands);
    }

    public List<Command.Sql> sqlCommands() {
        return commands.stream().filter(Command.Sql.class::isInstance).map(Command.Sql.class::cast).toList();
    }
}
