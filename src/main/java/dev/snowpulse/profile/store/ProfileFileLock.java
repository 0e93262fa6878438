package dev.snowpulse.profile.store;

import dev.snowpulse.app.JsonFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer at a time for a file, across processes (an OS lock on a sibling {@code .NAME.lock} file, which the
 * desktop app and every CLI take before they read, change and write) and across threads of this process (the OS
 * lock is held per process, so threads queue on a lock of their own first).
 */
final class ProfileFileLock {

    @FunctionalInterface
    interface LockedWork<T> {
        T run() throws IOException;
    }

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private ProfileFileLock() {
    }

    static Path lockFileOf(Path file) {
        return file.toAbsolutePath().normalize().resolveSibling("." + file.getFileName() + ".lock");
    }

    static <T> T holding(Path file, LockedWork<T> work) throws IOException {
        Path lockFile = lockFileOf(file);
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        threads.lock();
        try {
            JsonFiles.createPrivateDirectories(lockFile.getParent());
            try (FileChannel channel = open(lockFile); FileLock ignored = channel.lock()) {
                return work.run();
            }
        } finally {
            threads.unlock();
        }
    }

    private static FileChannel open(Path lockFile) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            return JsonFiles.posix()
                    ? FileChannel.open(lockFile, options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : FileChannel.open(lockFile, options);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot create the lock file " + lockFile + " (permission denied): make its folder writable for this user", e);
        }
    }
}
