package io.tasker.bench.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The handler root of the bridge benchmarks: the Ruby and Python files under
 * {@code bench/src/main/resources/io/tasker/bench/bridge/handlers/} (listed in its {@code MANIFEST}), copied from the
 * class path to a temporary folder, because the guest languages load handler files from disk. The same
 * {@code cpu_work.rb} and {@code cpu_work.py} are what {@code bench/scripts/cpu_native.*} run on CRuby and CPython.
 */
final class BenchHandlers implements AutoCloseable {
    private static final String FOLDER = "io/tasker/bench/bridge/handlers/";

    private final Path root;

    BenchHandlers() {
        try {
            root = Files.createTempDirectory("tasker-bench-handlers-").toRealPath();
            for (String file : read("MANIFEST").lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()) {
                Path target = root.resolve(file);
                Files.createDirectories(target.getParent());
                Files.writeString(target, read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    static String read(String file) {
        try (InputStream in = BenchHandlers.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + FOLDER + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
