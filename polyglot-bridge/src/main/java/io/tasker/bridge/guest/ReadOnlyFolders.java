package io.tasker.bridge.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The file system a confined guest sees: the given folders, read-only, and nothing else. The language's own
 * files (GraalPy's standard library) stay readable as internal resources.
 */
final class ReadOnlyFolders {

    private ReadOnlyFolders() {
    }

    /** @param folders real paths (see {@link #realPath}) */
    static FileSystem of(List<Path> folders) {
        List<Path> roots = List.copyOf(folders);
        FileSystem readOnly = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());
        FileSystem confined = FileSystem.newCompositeFileSystem(FileSystem.newDenyIOFileSystem(),
                new FileSystem.Selector(readOnly) {
                    @Override
                    public boolean test(Path path) {
                        Path normalized = path.toAbsolutePath().normalize();
                        return roots.stream().anyMatch(normalized::startsWith);
                    }
                });
        return FileSystem.allowInternalResourceAccess(confined);
    }

    static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("folder " + folder + " cannot be read: " + e.getMessage(), e);
        }
    }
}
