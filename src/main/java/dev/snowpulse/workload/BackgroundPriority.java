package dev.snowpulse.workload;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * Lowers the calling thread's scheduling priority (Linux nice +10), so that load the app generates itself never
 * outbids the thread that draws its window. Linux keeps nice per thread and lets any thread lower its own; elsewhere
 * (macOS applies it to the whole process) this does nothing.
 */
public final class BackgroundPriority {

    private static final int PRIO_PROCESS = 0;
    private static final int NICE = 10;
    private static final Optional<MethodHandle> SETPRIORITY = setpriority();

    private BackgroundPriority() {
    }

    /** Whether the calling thread now runs below normal priority. */
    public static boolean lowerCurrentThread() {
        if (SETPRIORITY.isEmpty()) {
            return false;
        }
        try {
            // who = 0: on Linux the calling thread, not the whole process
            return (int) SETPRIORITY.get().invokeExact(PRIO_PROCESS, 0, NICE) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    private static Optional<MethodHandle> setpriority() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.empty();
        }
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("setpriority").map(address -> linker.downcallHandle(address,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
