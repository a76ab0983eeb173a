package io.tasker.core.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes discover-or-start and stop of one data directory across threads and processes: a lock on
 * {@code <data directory>.lock} beside it (file locks are per process, hence the in-process lock first).
 * The operating system drops the file lock when its process dies, so a crash never leaves it held.
 */
final class DataDirectoryLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final ReentrantLock threadLock;
    private final FileChannel channel;

    private DataDirectoryLock(Path lockFile, ReentrantLock threadLock, FileChannel channel) {
        this.lockFile = lockFile;
        this.threadLock = threadLock;
        this.channel = channel;
    }

    static DataDirectoryLock acquire(Path dataDirectory) {
        Path lockFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(lockFile, file -> new ReentrantLock());
        threadLock.lock();
        try {
            Files.createDirectories(lockFile.getParent());
            return new DataDirectoryLock(lockFile, threadLock, lockedChannel(lockFile));
        } catch (IOException e) {
            threadLock.unlock();
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
    }

    private static FileChannel lockedChannel(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            channel.lock();
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Closing the channel releases its lock. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock on " + lockFile, e);
        } finally {
            threadLock.unlock();
        }
    }
}
