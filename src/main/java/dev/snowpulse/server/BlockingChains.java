package dev.snowpulse.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who waits on whom, from pg_blocking_pids: trees whose roots block others and wait on nobody shown here, each
 * session drawn once, a waiter under the first session it waits for. A deadlock's cycle (which the server soon
 * breaks) is shown from its lowest pid, once.
 */
public final class BlockingChains {

    /** A session and the sessions waiting on it. */
    public record Link(BackendSession session, List<Link> waiters) {
    }

    private BlockingChains() {
    }

    public static List<Link> of(List<BackendSession> sessions) {
        Map<Integer, BackendSession> byPid = new LinkedHashMap<>();
        sessions.forEach(s -> byPid.put(s.pid(), s));
        // pg_blocking_pids names every session a waiter queues behind (and a parallel query's leader once per
        // worker): each waiter is drawn once, under the first session it waits for, so the tree stays as large as
        // the sessions it shows however many wait on one row
        Map<Integer, List<BackendSession>> waitersOf = new LinkedHashMap<>();
        for (BackendSession s : sessions) {
            s.blockedBy().stream().distinct().findFirst()
                    .ifPresent(blocker -> waitersOf.computeIfAbsent(blocker, k -> new ArrayList<>()).add(s));
        }
        List<Link> roots = new ArrayList<>();
        Set<Integer> shown = new HashSet<>();
        for (int blocker : waitersOf.keySet().stream().sorted().toList()) {
            BackendSession root = byPid.get(blocker);
            boolean waitsOnListed = root != null && root.blockedBy().stream().anyMatch(byPid::containsKey);
            if (root != null && !waitsOnListed) {
                roots.add(link(root, waitersOf, shown));
            }
        }
        // what is left waits in a cycle, or on a session that is not listed (another database's)
        for (int blocker : waitersOf.keySet().stream().sorted().toList()) {
            if (!shown.contains(blocker) && waitersOf.get(blocker).stream().anyMatch(w -> !shown.contains(w.pid()))) {
                roots.add(link(byPid.getOrDefault(blocker, outside(blocker)), waitersOf, shown));
            }
        }
        return roots;
    }

    private static Link link(BackendSession session, Map<Integer, List<BackendSession>> waitersOf, Set<Integer> shown) {
        shown.add(session.pid());
        List<Link> waiters = new ArrayList<>();
        for (BackendSession waiter : waitersOf.getOrDefault(session.pid(), List.of())) {
            if (!shown.contains(waiter.pid())) {
                waiters.add(link(waiter, waitersOf, shown));
            }
        }
        return new Link(session, waiters);
    }

    /** A blocker this role cannot see in the database's sessions (another database's, or its own reader). */
    private static BackendSession outside(int pid) {
        return new BackendSession(pid, null, null, null, null, null, null, null, null, null, null, null, List.of(), null, null,
                null, false);
    }
}
