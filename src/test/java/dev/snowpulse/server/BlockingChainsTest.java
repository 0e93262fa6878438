package dev.snowpulse.server;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The blocking tree from pg_blocking_pids as it comes under load: many waiters queued on one row, each once. */
class BlockingChainsTest {

    private static BackendSession session(int pid, List<Integer> blockedBy) {
        return new BackendSession(pid, "app", "u", null, "active", blockedBy.isEmpty() ? null : "Lock",
                blockedBy.isEmpty() ? null : "transactionid", null, null, null, null, "select 1", blockedBy, null, null, null, true);
    }

    private static int count(List<BlockingChains.Link> links) {
        return links.stream().mapToInt(l -> 1 + count(l.waiters())).sum();
    }

    @Test
    void waitersQueuedOnOneRowAreEachDrawnOnce() {
        // waiter k is blocked by the holder and by every waiter queued ahead of it, as PostgreSQL reports it
        List<BackendSession> sessions = new ArrayList<>();
        sessions.add(session(100, List.of()));
        for (int k = 1; k <= 30; k++) {
            List<Integer> ahead = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                ahead.add(100 + j);
            }
            sessions.add(session(100 + k, ahead));
        }
        List<BlockingChains.Link> chains = BlockingChains.of(sessions);
        assertThat(chains).singleElement().satisfies(root -> assertThat(root.session().pid()).isEqualTo(100));
        assertThat(count(chains)).isEqualTo(31);
    }

    @Test
    void aCycleIsShownOnceAndAWaiterOnAnUnlistedSessionUnderIt() {
        List<BlockingChains.Link> cycle = BlockingChains.of(List.of(session(1, List.of(2)), session(2, List.of(1))));
        assertThat(count(cycle)).isEqualTo(2);
        List<BlockingChains.Link> outside = BlockingChains.of(List.of(session(5, List.of(99, 99))));
        assertThat(outside).singleElement().satisfies(root -> {
            assertThat(root.session().pid()).isEqualTo(99);
            assertThat(root.waiters()).extracting(w -> w.session().pid()).containsExactly(5);
        });
    }
}
