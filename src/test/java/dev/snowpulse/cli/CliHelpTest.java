package dev.snowpulse.cli;

import dev.snowpulse.AppServices;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What `--help` lists: every command's one-line summary a whole sentence, every option described. */
class CliHelpTest {

    private static List<CommandSpec> everyCommand(CommandLine line) {
        List<CommandSpec> all = new ArrayList<>();
        all.add(line.getCommandSpec());
        line.getSubcommands().values().forEach(sub -> all.addAll(everyCommand(sub)));
        return all;
    }

    @Test
    void everySummaryIsASentenceAndEveryOptionIsDescribed() {
        CliContext context = new CliContext(() -> { throw new IllegalStateException("help needs no services"); },
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> cut = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        for (CommandSpec command : everyCommand(Cli.commandLine(context))) {
            String[] description = command.usageMessage().description();
            // the first line is what the parent's command list shows
            if (description.length == 0 || !description[0].strip().endsWith(".")) {
                cut.add(command.qualifiedName() + ": " + (description.length == 0 ? "(none)" : description[0]));
            }
            for (OptionSpec option : command.options()) {
                if (option.description().length == 0 || option.description()[0].isBlank()) {
                    undescribed.add(command.qualifiedName() + " " + option.longestName());
                }
            }
        }
        assertThat(cut).as("summaries cut mid-sentence").isEmpty();
        assertThat(undescribed).as("options without a description").isEmpty();
    }
}
