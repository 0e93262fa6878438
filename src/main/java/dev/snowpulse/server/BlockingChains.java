package dev.snowpulse.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who waits on whom, from pg_blocking_pids: trees whose roots block others and wait on nobody shown here, each
 * waiter under every session it waits for. A deadlock's cycle (which the server soon breaks) is shown from its
 * lowest pid, once.
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
        Map<Integer, List<BackendSession>> waitersOf = new LinkedHashMap<>();
        for (BackendSession s : sessions) {
            for (int blocker : s.blockedBy()) {
                waitersOf.computeIfAbsent(blocker, k -> new ArrayList<>()).add(s);
            }
        }
        List<Link> roots = new ArrayList<>();
        Set<Integer> shown = new HashSet<>();
        for (int blocker : waitersOf.keySet().stream().sorted().toList()) {
            BackendSession root = byPid.get(blocker);
            boolean waitsOnShown = root != null && root.blockedBy().stream().anyMatch(byPid::containsKey);
            if (root != null && !waitsOnShown) {
                roots.add(link(root, waitersOf, new HashSet<>(), shown));
            }
        }
        // what is left waits in a cycle, or on a session of another database that is not listed
        for (int blocker : waitersOf.keySet().stream().sorted().toList()) {
            if (!shown.contains(blocker)) {
                BackendSession root = byPid.getOrDefault(blocker, outside(blocker));
                roots.add(link(root, waitersOf, new HashSet<>(), shown));
            }
        }
        return roots;
    }

    private static Link link(BackendSession session, Map<Integer, List<BackendSession>> waitersOf, Set<Integer> path, Set<Integer> shown) {
        shown.add(session.pid());
        path.add(session.pid());
        List<Link> waiters = new ArrayList<>();
        for (BackendSession waiter : waitersOf.getOrDefault(session.pid(), List.of())) {
            if (!path.contains(waiter.pid())) {
                waiters.add(link(waiter, waitersOf, path, shown));
            }
        }
        path.remove(session.pid());
        return new Link(session, waiters);
    }

    /** A blocker this role cannot see in the database's sessions (another database's, or its own reader). */
    private static BackendSession outside(int pid) {
        return new BackendSession(pid, null, null, null, null, null, null, null, null, null, null, null, List.of(), null, null,
                null, false);
    }
}
