package io.tasker.core.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * What tasker keeps about an embedded server in {@code tasker-server.properties} inside its data
 * directory (readable by its owner only, as the data directory itself): the superuser, its generated
 * password, and the port of the last start, tried first on the next start so the URL stays stable.
 */
record ServerIdentity(String username, String password, int port) {

    static final String FILE_NAME = "tasker-server.properties";
    static final String SUPERUSER = "tasker";

    static ServerIdentity generate() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return new ServerIdentity(SUPERUSER, Base64.getUrlEncoder().withoutPadding().encodeToString(secret), 0);
    }

    static ServerIdentity read(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new DatabaseUnavailableException(dataDirectory + " is a PostgreSQL data directory that tasker did not"
                    + " create (it has no " + FILE_NAME + "); point database.embedded_data_directory at another folder,"
                    + " or set database.url to connect to that server");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new ServerIdentity(properties.getProperty("username", SUPERUSER), properties.getProperty("password"),
                Integer.parseInt(properties.getProperty("port", "0")));
    }

    ServerIdentity withPort(int newPort) {
        return new ServerIdentity(username, password, newPort);
    }

    /** Replaces the file in one rename, so a reader never sees half of it. */
    void write(Path dataDirectory) {
        Properties properties = new Properties();
        properties.setProperty("username", username);
        properties.setProperty("password", password);
        properties.setProperty("port", Integer.toString(port));
        Path staging = dataDirectory.resolve(FILE_NAME + ".new");
        try {
            Files.deleteIfExists(staging);
            Files.createFile(staging, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(staging)) {
                properties.store(writer, "Embedded PostgreSQL of tasker: superuser and last port. Keep private.");
            }
            Files.move(staging, dataDirectory.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dataDirectory.resolve(FILE_NAME), e);
        }
    }

    @Override
    public String toString() {
        return "ServerIdentity[username=" + username + ", port=" + port + "]";
    }
}
