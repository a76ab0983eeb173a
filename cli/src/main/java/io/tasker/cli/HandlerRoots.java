package io.tasker.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The {@code --handlers} folders and jars, checked before anything runs so that a typo is not a missing class later. */
public final class HandlerRoots {

    private HandlerRoots() {
    }

    /** @throws InvalidInputException naming the first root that does not exist */
    public static List<Path> checked(List<Path> roots) {
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new InvalidInputException("--handlers " + root
                        + ": no such folder or jar; expected a folder holding handler jars or sources, or a jar");
            }
        }
        return roots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
    }
}
