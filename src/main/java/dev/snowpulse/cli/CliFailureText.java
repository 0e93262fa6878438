package dev.snowpulse.cli;

import dev.snowpulse.db.ServerMessages;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.sql.SQLException;

/**
 * A failed command's one line on stderr: what went wrong and what to fix. Connection failures arrive explained
 * (DatabaseUnreachable); file failures, whose messages are only a path, get their reason; server errors their first
 * line and SQLSTATE.
 */
final class CliFailureText {

    private CliFailureText() {
    }

    static String of(Throwable e) {
        if (e instanceof FileSystemException file) {
            return file(file);
        }
        if (e instanceof SQLException sql && !(e instanceof dev.snowpulse.db.DatabaseUnreachable)
                && !(e instanceof dev.snowpulse.workload.WorkloadRefused)) {
            String state = sql.getSQLState() == null ? "" : " (SQLSTATE " + sql.getSQLState() + ")";
            String hint = "42P01".equals(sql.getSQLState()) || "42883".equals(sql.getSQLState()) ? ": run `snowpulse init` first" : "";
            return ServerMessages.firstLine(sql) + state + hint;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String file(FileSystemException e) {
        String path = e.getFile();
        String why = switch (e) {
            case NoSuchFileException ignored -> "no such file or folder" + (e.getOtherFile() == null ? "" : " (" + e.getOtherFile() + ")");
            case AccessDeniedException ignored -> "permission denied";
            case FileAlreadyExistsException ignored -> "it already exists";
            case NotDirectoryException ignored -> "not a folder";
            default -> e.getReason() == null ? "cannot be used" : e.getReason();
        };
        java.nio.file.Path parent = path == null ? null : java.nio.file.Path.of(path).toAbsolutePath().getParent();
        String folderHint = e instanceof NoSuchFileException && parent != null && !java.nio.file.Files.isDirectory(parent)
                ? ": folder " + parent + " does not exist; create it first or choose another path"
                : "";
        return path + ": " + why + folderHint;
    }
}
