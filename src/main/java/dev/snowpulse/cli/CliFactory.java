package dev.snowpulse.cli;

import picocli.CommandLine;

/** Gives commands that take a {@link CliContext} their context; everything else picocli builds itself. */
final class CliFactory implements CommandLine.IFactory {

    private final CliContext context;

    CliFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return type.getDeclaredConstructor(CliContext.class).newInstance(context);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
