package dev.snowpulse.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Helpers both backends share for audit rows. */
public final class AuditRuns {

    /** A run's snapshot with the checksums stored next to it. */
    public record Stored(RunSnapshot snapshot, Map<ReferenceTable, String> checksums) {
    }

    private AuditRuns() {
    }

    /**
     * Marks each run whose reference checksums differ from the run just before it. {@code newestFirst} holds one
     * run more than is shown when there is one, so the oldest shown run can be compared too.
     */
    public static List<AuditRun> markChanges(List<AuditRun> newestFirst, int limit) {
        List<AuditRun> marked = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, newestFirst.size()); i++) {
            AuditRun run = newestFirst.get(i);
            boolean changed = i + 1 < newestFirst.size()
                    && !Objects.equals(run.checksums(), newestFirst.get(i + 1).checksums());
            marked.add(run.withConfigChanged(changed));
        }
        return marked;
    }
}
