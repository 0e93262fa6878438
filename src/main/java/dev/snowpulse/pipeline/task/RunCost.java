package dev.snowpulse.pipeline.task;

import dev.snowpulse.pipeline.EventCounts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the pipeline's schedule costs: the events each run of the root task generates, next to how often it runs.
 * Read from the deployed root task (its definition's GENERATE_RETAIL_DATA counts and its schedule), so it shows
 * what really runs, whoever deployed it.
 */
public record RunCost(String task, EventCounts perRun, String schedule, OptionalLong runsPerDay) {

    private static final Pattern INTERVAL = Pattern.compile("(?i)(\\d+)\\s*(SECOND|MINUTE|HOUR)S?");
    private static final Pattern CRON = Pattern.compile("(?i)USING\\s+CRON\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+\\S+");

    /** The cost of the graph whose root calls GENERATE_RETAIL_DATA with four counts, if the tasks hold one. */
    public static Optional<RunCost> of(List<TaskStatus> tasks) {
        for (TaskStatus status : tasks) {
            TaskInfo task = status.task();
            Optional<EventCounts> counts = EventCounts.inDefinition(task.definition());
            if (task.root() && counts.isPresent() && task.schedule() != null) {
                return Optional.of(new RunCost(task.shortName(), counts.get(), task.schedule(), runsPerDay(task.schedule())));
            }
        }
        return Optional.empty();
    }

    /** Runs a day of an interval ("30 MINUTES") or a cron whose day, month and weekday fields are all "*". */
    public static OptionalLong runsPerDay(String schedule) {
        Matcher interval = INTERVAL.matcher(schedule.strip());
        if (interval.matches()) {
            long seconds = Long.parseLong(interval.group(1)) * switch (interval.group(2).toUpperCase(Locale.ROOT)) {
                case "HOUR" -> 3600;
                case "MINUTE" -> 60;
                default -> 1;
            };
            return seconds > 0 ? OptionalLong.of(86_400 / seconds) : OptionalLong.empty();
        }
        Matcher cron = CRON.matcher(schedule.strip());
        if (cron.matches() && cron.group(3).equals("*") && cron.group(4).equals("*") && cron.group(5).equals("*")) {
            OptionalLong minutes = count(cron.group(1), 60);
            OptionalLong hours = count(cron.group(2), 24);
            if (minutes.isPresent() && hours.isPresent()) {
                return OptionalLong.of(minutes.getAsLong() * hours.getAsLong());
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The schedule in words, as the seed's messages put it: "every 30 minutes" for an interval or a cron that fires
     * at evenly spaced minutes of every hour, else "on the schedule USING CRON ...".
     */
    public static String words(String schedule) {
        Matcher interval = INTERVAL.matcher(schedule.strip());
        if (interval.matches()) {
            long n = Long.parseLong(interval.group(1));
            String unit = interval.group(2).toLowerCase(Locale.ROOT);
            return n == 1 ? "every " + unit : "every " + n + " " + unit + "s";
        }
        Matcher cron = CRON.matcher(schedule.strip());
        if (cron.matches() && cron.group(2).equals("*") && cron.group(3).equals("*") && cron.group(4).equals("*")
                && cron.group(5).equals("*") && cron.group(1).matches("\\d+(,\\d+)*")) {
            int[] minutes = java.util.Arrays.stream(cron.group(1).split(",")).mapToInt(Integer::parseInt).sorted().toArray();
            int gap = 60 - minutes[minutes.length - 1] + minutes[0];
            boolean even = true;
            for (int i = 1; i < minutes.length; i++) {
                even &= minutes[i] - minutes[i - 1] == gap;
            }
            if (even) {
                return gap == 60 ? "every hour" : "every " + gap + " minutes";
            }
        }
        return "on the schedule " + schedule;
    }

    /** How many values a cron field takes out of {@code size}: "*", "*\/15", "0,30", "9-17", "9-17/2". */
    private static OptionalLong count(String field, int size) {
        long total = 0;
        for (String part : field.split(",")) {
            Matcher m = Pattern.compile("(\\*|\\d+(?:-\\d+)?)(?:/(\\d+))?").matcher(part);
            if (!m.matches()) {
                return OptionalLong.empty();
            }
            int from = 0;
            int to = size - 1;
            if (!m.group(1).equals("*")) {
                String[] range = m.group(1).split("-");
                from = Integer.parseInt(range[0]);
                to = range.length > 1 ? Integer.parseInt(range[1]) : m.group(2) == null ? from : size - 1;
            }
            int step = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            if (step < 1 || from > to || to >= size) {
                return OptionalLong.empty();
            }
            total += (to - from) / step + 1;
        }
        return OptionalLong.of(total);
    }

    /** "5 customer + 10 purchase + 3 marketing + 2 supply chain = 20 events per run · USING CRON 0,30 * * * * UTC · 48 runs, 960 events a day". */
    public String describe() {
        String events = String.format(Locale.ROOT, "%d customer + %d purchase + %d marketing + %d supply chain = %,d events per run",
                perRun.customer(), perRun.purchase(), perRun.marketing(), perRun.supplyChain(), perRun.total());
        String daily = runsPerDay.isPresent()
                ? String.format(Locale.ROOT, " · %,d runs, %,d events a day", runsPerDay.getAsLong(), runsPerDay.getAsLong() * perRun.total())
                : "";
        return events + " · " + schedule + daily;
    }
}
