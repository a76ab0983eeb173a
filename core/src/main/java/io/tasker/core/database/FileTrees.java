package io.tasker.core.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing folders the embedded server no longer needs. */
final class FileTrees {

    private FileTrees() {
    }

    /** Deletes a folder and everything in it; what cannot be deleted stays, as this only tidies up. */
    static void deleteQuietly(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(FileTrees::deleteIfPossible);
        } catch (IOException | java.io.UncheckedIOException e) {
            // a concurrent cleanup removed part of the tree first
        }
    }

    private static void deleteIfPossible(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // left behind: see deleteQuietly
        }
    }
}
