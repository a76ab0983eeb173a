package io.tasker.bridge.guest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A shim shipped as class-path resources (a folder with a {@code MANIFEST} listing its files, one relative path a
 * line), copied once to a cache folder named by a hash of its contents, because the guest languages load source
 * files from disk. A changed shim lands in a new folder; processes starting at once agree on one copy.
 */
public final class ShimFiles {
    private static final String MANIFEST = "MANIFEST";

    private ShimFiles() {
    }

    /**
     * @param resourceFolder the class-path folder holding {@code MANIFEST}, e.g. {@code io/tasker/bridge/ruby/}
     * @param name the cache folder's prefix, e.g. {@code ruby-shim}
     * @return the folder holding the files, e.g. {@code ~/.cache/tasker/ruby-shim-1f3a...}
     */
    public static Path extract(ClassLoader loader, String resourceFolder, String name) {
        return extract(loader, resourceFolder, name, cacheRoot());
    }

    static Path extract(ClassLoader loader, String resourceFolder, String name, Path cacheRoot) {
        String folder = resourceFolder.isEmpty() || resourceFolder.endsWith("/") ? resourceFolder : resourceFolder + "/";
        Map<String, byte[]> files = read(loader, folder);
        Path target = cacheRoot.resolve(name + "-" + hash(files));
        if (Files.isDirectory(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path staging = Files.createTempDirectory(target.getParent(), name + "-staging-");
            write(staging, files);
            publish(staging, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the " + name + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** {@code tasker.cache.dir}, else {@code $XDG_CACHE_HOME/tasker}, else {@code ~/.cache/tasker}. */
    static Path cacheRoot() {
        String configured = System.getProperty("tasker.cache.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("tasker");
    }

    private static Map<String, byte[]> read(ClassLoader loader, String folder) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : manifest(loader, folder)) {
            files.put(file, resource(loader, folder + file));
        }
        return files;
    }

    private static List<String> manifest(ClassLoader loader, String folder) {
        String text = new String(resource(loader, folder + MANIFEST), StandardCharsets.UTF_8);
        List<String> files = new ArrayList<>();
        for (String line : text.split("\n")) {
            String file = line.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            if (file.startsWith("/") || Path.of(file).normalize().startsWith("..")) {
                throw new IllegalStateException(folder + MANIFEST + " lists '" + file + "', which is outside the shim");
            }
            files.add(file);
        }
        return files;
    }

    private static byte[] resource(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("class-path resource " + path + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class-path resource " + path, e);
        }
    }

    private static String hash(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((file, bytes) -> {
                digest.update(file.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(bytes);
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void write(Path staging, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = staging.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
    }

    /** A complete copy appears at once under its final name; a copy someone else published first wins. */
    private static void publish(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(target)) {
                throw e;
            }
            deleteTree(staging);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
