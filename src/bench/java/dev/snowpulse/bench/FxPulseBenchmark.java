package dev.snowpulse.bench;

import dev.snowpulse.AppServices;
import dev.snowpulse.app.HostEnvironment;
import dev.snowpulse.ui.common.FxBackground;
import dev.snowpulse.ui.common.RefreshInterval;
import dev.snowpulse.ui.SnowPulseWindow;
import dev.snowpulse.ui.workload.WorkloadForm;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Does the FX thread keep its pace while SnowPulse loads the database at full speed and the dashboard refreshes every
 * second? The real window, under a real display: the Workload tab starts 16 workers for the run's length, then the
 * KPIs tab is shown with a 1 s refresh; an AnimationTimer records every pulse, and the gaps between pulses are
 * reported (a pulse is due every 16.7 ms; a gap over 50 ms is a visible stall).
 *
 * Run through src/bench/fx-pulse-benchmark.sh.
 */
public final class FxPulseBenchmark {

    /** A node by id, in the scene or in a tab's content that the tab pane has not put on screen yet. */
    private static javafx.scene.Node find(Scene scene, String selector) {
        javafx.scene.Node node = scene.lookup(selector);
        if (node == null) {
            for (javafx.scene.control.Tab tab : ((TabPane) scene.lookup(".tab-pane")).getTabs()) {
                node = tab.getContent() == null ? null : tab.getContent().lookup(selector);
                if (node != null) {
                    break;
                }
            }
        }
        return node;
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        RefreshInterval refresh = args.length > 2 ? RefreshInterval.valueOf(args[2]) : RefreshInterval.S1;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        AppServices services = AppServices.create(HostEnvironment.current());
        FxBackground background = new FxBackground();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        List<Long> pulses = new ArrayList<>(seconds * 80);
        List<Long> warmUpPulses = new ArrayList<>(warmUp * 80);
        // the FX thread's view of the run: warm-up pulses are only timed; measured ones are also accounted for
        Phase[] phase = {Phase.WARM_UP};
        // per pulse: where the FX and renderer threads' time went (Linux schedstat: on CPU, waiting for a CPU) and GC
        List<PulseAccount> accounts = new ArrayList<>(seconds * 80);
        java.util.List<java.lang.management.GarbageCollectorMXBean> collectors = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans();
        SchedStat[] fxStat = {SchedStat.NONE};
        SchedStat[] rendererStat = {SchedStat.NONE};
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (phase[0] == Phase.WARM_UP) {
                    warmUpPulses.add(System.nanoTime());
                    return;
                }
                pulses.add(System.nanoTime());
                long[] fx = fxStat[0].read();
                long[] renderer = rendererStat[0].read();
                long gcMillis = collectors.stream().mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
                long cpu = threads.getCurrentThreadCpuTime();
                accounts.add(new PulseAccount(fx[0], fx[1], renderer[0], renderer[1], gcMillis, cpu));
            }
        };
        List<String> refreshes = new ArrayList<>();
        long[] layoutStart = new long[2];
        List<Long> layoutCpu = new ArrayList<>();
        List<Long> layouts = new ArrayList<>();
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            SnowPulseWindow window = new SnowPulseWindow(services, background);
            window.show(stage);
            stage.setWidth(1280);
            stage.setHeight(800);
            shown.complete(stage);
        });
        Stage stage = shown.get(30, TimeUnit.SECONDS);
        Scene scene = stage.getScene();
        waitUntil(() -> "Connected".equals(((Label) find(scene, "#statusState")).getText()), 30);

        // a tab's view is built when it is first shown, and its controls are reachable once it is skinned
        onFx(() -> ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(2));
        waitUntil(() -> find(scene, "#field-workers") != null, 30);
        onFx(() -> {
            ((TextField) find(scene, "#field-workers")).setText(Integer.toString(Math.max(1, workers)));
            @SuppressWarnings("unchecked")
            ChoiceBox<WorkloadForm.StopAfter> stopAfter = (ChoiceBox<WorkloadForm.StopAfter>) find(scene, "#stopAfter");
            stopAfter.setValue(WorkloadForm.StopAfter.DURATION);
            // long enough to cover the first show, the settling and the measured span, whatever the machine's pace
            ((TextField) find(scene, "#field-duration")).setText((seconds + warmUp + 20) + "s");
            if (workers > 0) {
                ((Button) find(scene, "#startWorkload")).fire();
            }
        });
        // the Workload tab's count and Start and Stop buttons, read and pressed while the KPIs tab is on screen
        Label countOk = (Label) find(scene, "#count-ok");
        Button stopWorkload = (Button) find(scene, "#stopWorkload");
        Button startWorkload = (Button) find(scene, "#startWorkload");
        if (workers > 0) {
            waitUntil(() -> !countOk.getText().equals("0"), 30);
        }
        onFx(() -> ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(3));
        waitUntil(() -> find(scene, "#refreshInterval") != null, 30);
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<RefreshInterval> interval = (ChoiceBox<RefreshInterval>) find(scene, "#refreshInterval");
            interval.setValue(refresh);
            // knock-out experiments: -Dbench.hide=recentOrders,inventoryChart takes those panels off the screen
            for (String id : System.getProperty("bench.hide", "").split(",")) {
                if (!id.isBlank()) {
                    javafx.scene.Node node = find(scene, "#" + id);
                    javafx.scene.Node panel = node.getParent();
                    ((javafx.scene.layout.Pane) panel).getChildren().remove(node);
                }
            }
            ((Label) find(scene, "#kpiUpdated")).textProperty().addListener((obs, old, now) -> refreshes.add(now));
            // CSS and layout of each pulse, on the FX thread; the rest of a gap is rendering (or waiting for a CPU)
            scene.addPreLayoutPulseListener(() -> {
                if (phase[0] != Phase.MEASURED) {
                    return;
                }
                layoutStart[0] = System.nanoTime();
                layoutStart[1] = threads.getCurrentThreadCpuTime();
                if (!accounts.isEmpty()) {
                    accounts.getLast().cpuBeforeLayout = layoutStart[1];
                }
            });
            scene.addPostLayoutPulseListener(() -> {
                if (phase[0] == Phase.MEASURED) {
                    layouts.add(System.nanoTime() - layoutStart[0]);
                    long cpuNanos = threads.getCurrentThreadCpuTime() - layoutStart[1];
                    if (!accounts.isEmpty()) {
                        accounts.getLast().cpuAfterLayout = layoutStart[1] + cpuNanos;
                    }
                    layoutCpu.add(cpuNanos);
                    if (Boolean.getBoolean("bench.trace") && cpuNanos > 15_000_000L) {
                        System.out.printf(Locale.ROOT, "long layout at %s: %.1f ms CPU, %.1f ms wall%n", java.time.LocalTime.now(),
                                cpuNanos / 1e6, (System.nanoTime() - layoutStart[0]) / 1e6);
                    }
                }
            });
        });
        // the first show of the tab lays out every chart once: measured apart from the refreshes under load
        long switched = System.nanoTime();
        waitUntil(() -> !refreshes.isEmpty(), 30);
        onFx(() -> System.out.printf(Locale.ROOT, "nodes in the scene: %d, of which the KPIs tab's: %d%n",
                nodes(scene.getRoot()), nodes(find(scene, ".kpis"))));
        long firstShow = System.nanoTime() - switched;
        // the first seconds after the tab opens are the JIT's: their gaps are counted, and reported apart
        int[] refreshesBefore = new int[1];
        onFx(timer::start);
        Thread.sleep(warmUp * 1000L); // the warm-up span, not synchronisation
        long[] cpuBefore = cpuTimes();
        long[] fxCpu = new long[2];
        long renderer = threadId("QuantumRenderer");
        long rendererBefore = renderer < 0 ? 0 : threads.getThreadCpuTime(renderer);
        rendererStat[0] = SchedStat.open(taskStat("QuantumRendere"));
        onFx(() -> {
            fxStat[0] = SchedStat.open(java.nio.file.Path.of("/proc/thread-self/schedstat"));
            fxCpu[0] = threads.getCurrentThreadCpuTime();
            phase[0] = Phase.MEASURED;
            refreshesBefore[0] = refreshes.size();
        });
        Thread.sleep(seconds * 1000L); // the measured span itself, not synchronisation
        String[] result = new String[3];
        onFx(() -> {
            timer.stop();
            fxCpu[1] = threads.getCurrentThreadCpuTime();
            phase[0] = Phase.DONE;
            result[0] = ((Label) find(scene, "#kpiUpdated")).getText();
            result[1] = countOk.getText();
            result[2] = ((Label) find(scene, "#kpiError")).getText();
        });

        long[] cpuAfter = cpuTimes();
        long rendererCpu = renderer < 0 ? 0 : threads.getThreadCpuTime(renderer) - rendererBefore;
        long[] gaps = new long[pulses.size() - 1];
        for (int i = 1; i < pulses.size(); i++) {
            gaps[i - 1] = pulses.get(i) - pulses.get(i - 1);
        }
        Arrays.sort(gaps);
        long over50 = Arrays.stream(gaps).filter(g -> g > 50_000_000L).count();
        for (int i = 1; i < pulses.size(); i++) {
            long gap = pulses.get(i) - pulses.get(i - 1);
            if (gap > 50_000_000L && accounts.size() > i) {
                PulseAccount a = accounts.get(i - 1);
                PulseAccount b = accounts.get(i);
                long startMillis = System.currentTimeMillis() - (System.nanoTime() - pulses.get(i - 1)) / 1_000_000L;
                System.out.printf(Locale.ROOT, "at %s ", java.time.Instant.ofEpochMilli(startMillis));
                System.out.printf(Locale.ROOT, "gap %.0f ms: FX thread on CPU %.1f ms, waiting for a CPU %.1f ms; renderer on CPU %.1f ms, "
                                + "waiting %.1f ms; GC %d ms%n", gap / 1e6, (b.fxOnCpu - a.fxOnCpu) / 1e6, (b.fxWaiting - a.fxWaiting) / 1e6,
                        (b.rendererOnCpu - a.rendererOnCpu) / 1e6, (b.rendererWaiting - a.rendererWaiting) / 1e6, b.gcMillis - a.gcMillis);
                System.out.printf(Locale.ROOT, "    FX CPU: animations and timers %.1f ms, CSS and layout %.1f ms, then sync, events and the rest %.1f ms%n",
                        (a.cpuBeforeLayout - a.cpuAtTimer) / 1e6, (a.cpuAfterLayout - a.cpuBeforeLayout) / 1e6, (b.cpuAtTimer - a.cpuAfterLayout) / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "%d s with %d workers on place_order and the KPIs refreshing %s (%d refreshes, "
                        + "last: %s; orders so far: %s%s)%n", seconds, workers, refresh, refreshes.size() - refreshesBefore[0], result[0], result[1],
                result[2].isEmpty() ? "" : "; error: " + result[2]);
        System.out.printf(Locale.ROOT, "first show of the KPIs tab until its first refresh: %.0f ms%n", firstShow / 1e6);
        long[] warmUpGaps = new long[Math.max(0, warmUpPulses.size() - 1)];
        for (int i = 1; i < warmUpPulses.size(); i++) {
            warmUpGaps[i - 1] = warmUpPulses.get(i) - warmUpPulses.get(i - 1);
        }
        System.out.printf(Locale.ROOT, "warm-up, the %d s after that first refresh (not in the figures below): gaps over 50 ms: %d, max %.1f ms%n",
                warmUp, Arrays.stream(warmUpGaps).filter(g -> g > 50_000_000L).count(), Arrays.stream(warmUpGaps).max().orElse(0) / 1e6);
        System.out.printf(Locale.ROOT, "FX pulses: %d, gap median %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms; gaps over 50 ms: %d%n",
                pulses.size(), ms(gaps, 0.5), ms(gaps, 0.99), ms(gaps, 0.999), gaps[gaps.length - 1] / 1e6, over50);
        long[] layout = layouts.stream().mapToLong(Long::longValue).sorted().toArray();
        if (layout.length > 0) {
            long[] cpu = layoutCpu.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "CSS + layout per pulse, wall: median %.2f ms, p99 %.1f ms, max %.1f ms; "
                            + "FX thread CPU in it: p99 %.1f ms, max %.1f ms%n",
                    ms(layout, 0.5), ms(layout, 0.99), layout[layout.length - 1] / 1e6, ms(cpu, 0.99), cpu[cpu.length - 1] / 1e6);
        }
        System.out.printf(Locale.ROOT, "CPU per second of the span: FX thread %.0f ms, renderer thread %.0f ms%n",
                (fxCpu[1] - fxCpu[0]) / 1e6 / seconds, rendererCpu / 1e6 / seconds);
        if (cpuBefore.length > 7 && cpuAfter.length > 7) {
            long total = 0;
            for (int i = 0; i < 8; i++) {
                total += cpuAfter[i] - cpuBefore[i];
            }
            System.out.printf(Locale.ROOT, "CPU time stolen by the hypervisor during the span: %.0f %% (idle: %.0f %%)%n",
                    100.0 * (cpuAfter[7] - cpuBefore[7]) / total, 100.0 * (cpuAfter[3] - cpuBefore[3]) / total);
        }
        System.out.println(over50 == 0 ? "PASS: the FX thread never stalled longer than 50 ms" : "FAIL: the FX thread stalled longer than 50 ms");
        // what switching back to the dashboard costs the FX thread (a tab's content stays in the scene while hidden)
        long[] reshow = new long[1];
        onFx(() -> ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(2));
        onFx(() -> {
            long start = threads.getCurrentThreadCpuTime();
            ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(3);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            reshow[0] = threads.getCurrentThreadCpuTime() - start;
        });
        System.out.printf(Locale.ROOT, "showing the KPIs tab again after the Workload tab: %.1f ms of FX thread CPU for CSS and layout%n", reshow[0] / 1e6);
        onFx(stopWorkload::fire);
        // the run writes its outcome to workload_runs when it ends: exiting before that left it "abandoned" with 0 orders
        waitUntil(() -> !startWorkload.isDisabled(), 30);
        Platform.exit();
        background.close();
        services.close();
        System.exit(over50 == 0 ? 0 : 1);
    }

    private enum Phase { WARM_UP, MEASURED, DONE }

    /** How many nodes the scene graph under {@code node} holds, skins' nodes included. */
    private static int nodes(javafx.scene.Node node) {
        int count = 1;
        if (node instanceof javafx.scene.Parent parent) {
            for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
                count += nodes(child);
            }
        }
        return count;
    }

    /** The id of the live thread whose name starts with {@code prefix}; -1 when there is none. */
    private static long threadId(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix))
                .mapToLong(Thread::threadId).findFirst().orElse(-1);
    }

    /**
     * Counters read at the start of one pulse (schedstat nanoseconds of the FX and renderer threads, GC milliseconds, FX
     * thread CPU), and the FX thread CPU around that pulse's CSS and layout, filled in by the scene's pulse listeners.
     * The difference between two pulses' accounts is where a gap's time went.
     */
    private static final class PulseAccount {
        final long fxOnCpu;
        final long fxWaiting;
        final long rendererOnCpu;
        final long rendererWaiting;
        final long gcMillis;
        final long cpuAtTimer;
        long cpuBeforeLayout;
        long cpuAfterLayout;

        PulseAccount(long fxOnCpu, long fxWaiting, long rendererOnCpu, long rendererWaiting, long gcMillis, long cpuAtTimer) {
            this.fxOnCpu = fxOnCpu;
            this.fxWaiting = fxWaiting;
            this.rendererOnCpu = rendererOnCpu;
            this.rendererWaiting = rendererWaiting;
            this.gcMillis = gcMillis;
            this.cpuAtTimer = cpuAtTimer;
            this.cpuBeforeLayout = cpuAtTimer;
            this.cpuAfterLayout = cpuAtTimer;
        }
    }

    /**
     * A Linux thread's nanoseconds on a CPU and waiting for one, read every pulse on the FX thread: the file stays open
     * and is read again from its start, without a String (opening it each pulse cost a tenth of the FX thread's time).
     */
    private static final class SchedStat {
        static final SchedStat NONE = new SchedStat(null);

        private final java.nio.channels.FileChannel channel;
        private final java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(128);

        private SchedStat(java.nio.channels.FileChannel channel) {
            this.channel = channel;
        }

        /** Opened now: /proc/thread-self names the calling thread. NONE where there is no such file (not Linux). */
        static SchedStat open(java.nio.file.Path file) {
            try {
                return file == null ? NONE : new SchedStat(java.nio.channels.FileChannel.open(file.toRealPath()));
            } catch (java.io.IOException | RuntimeException e) {
                return NONE;
            }
        }

        /** "<ns on CPU> <ns waiting for a CPU> <slices>": the first two numbers; zeros without a file. */
        long[] read() {
            long[] numbers = new long[2];
            if (channel == null) {
                return numbers;
            }
            try {
                buffer.clear();
                channel.read(buffer, 0);
                int field = 0;
                for (int i = 0; i < buffer.position() && field < 2; i++) {
                    byte b = buffer.get(i);
                    if (b == ' ') {
                        field++;
                    } else {
                        numbers[field] = numbers[field] * 10 + (b - '0');
                    }
                }
            } catch (java.io.IOException e) {
                return new long[2];
            }
            return numbers;
        }
    }

    /** The schedstat file of this process's thread whose name starts with {@code prefix} (Linux only). */
    private static java.nio.file.Path taskStat(String prefix) {
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : tasks.toList()) {
                if (java.nio.file.Files.readString(task.resolve("comm")).startsWith(prefix)) {
                    return task.resolve("schedstat");
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: the breakdown is left out
        }
        return null;
    }

    /** The machine's CPU time counters (user, nice, system, idle, iowait, irq, softirq, steal); empty off Linux. */
    private static long[] cpuTimes() {
        try {
            String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).getFirst();
            return Arrays.stream(line.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
        } catch (java.io.IOException | RuntimeException e) {
            return new long[0];
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static void onFx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            CompletableFuture<Boolean> check = new CompletableFuture<>();
            Platform.runLater(() -> check.complete(condition.getAsBoolean()));
            if (check.get(30, TimeUnit.SECONDS)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting after " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }
}
