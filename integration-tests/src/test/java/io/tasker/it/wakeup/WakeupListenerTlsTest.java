package io.tasker.it.wakeup;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.database.Jdbc;
import io.tasker.core.database.Sql;
import io.tasker.core.database.Wakeups;
import io.tasker.core.wakeup.WakeupChannels;
import io.tasker.core.wakeup.WakeupListener;
import io.tasker.testkit.RestartableServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * sslmode as pgjdbc reads it, against a server that offers TLS (a self-signed certificate made with the
 * openssl command): the default, prefer, ends up encrypted; disable does not.
 */
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class WakeupListenerTlsTest {

    private static final Sql ALTER_SYSTEM = Sql.load(WakeupListenerTlsTest.class, "tls_alter_system.sql");
    private static final Sql RELOAD = Sql.load(WakeupListenerTlsTest.class, "tls_reload.sql");
    private static final Sql SSL_SETTING = Sql.load(WakeupListenerTlsTest.class, "tls_ssl_on.sql");
    private static final Sql LISTENER_ENCRYPTED = Sql.load(WakeupListenerTlsTest.class, "tls_listener_encrypted.sql");

    @Test
    void the_default_sslmode_prefer_encrypts_when_the_server_offers_tls_and_disable_does_not(@TempDir Path certificates)
            throws Exception {
        try (RestartableServer server = RestartableServer.start()) {
            enableTls(server, certificates);

            assertThat(listenerEncrypted(server, server.jdbcUrl())).as("sslmode unset (prefer)").isTrue();
            assertThat(listenerEncrypted(server, server.jdbcUrl() + "?sslmode=require")).as("sslmode=require").isTrue();
            assertThat(listenerEncrypted(server, server.jdbcUrl() + "?sslmode=disable")).as("sslmode=disable").isFalse();
        }
    }

    /** Starts a listener, checks that it hears a notification, and reports whether its connection is encrypted. */
    private static boolean listenerEncrypted(RestartableServer server, String url) throws Exception {
        BlockingQueue<String> payloads = new LinkedBlockingQueue<>();
        try (WakeupListener _ = WakeupListener.start(url, server.username(), server.password(),
                List.of(WakeupChannels.WORK), (channel, payload) -> payloads.add(payload), () -> { });
             Connection admin = connect(server)) {
            Wakeups.notify(admin, WakeupChannels.WORK, url);
            assertThat(payloads.poll(10, TimeUnit.SECONDS)).isEqualTo(url);
            return Jdbc.query(admin, LISTENER_ENCRYPTED, statement -> { }, row -> row.getBoolean(1)).getFirst();
        }
    }

    private static void enableTls(RestartableServer server, Path folder) throws Exception {
        Path key = folder.resolve("server.key");
        Path certificate = folder.resolve("server.crt");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-keyout", key.toString(), "-out", certificate.toString())
                .redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes());
        assertThat(openssl.waitFor()).as("openssl: " + output).isZero();
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        try (Connection admin = connect(server)) {
            alterSystem(admin, "ssl_cert_file", certificate.toString());
            alterSystem(admin, "ssl_key_file", key.toString());
            alterSystem(admin, "ssl", "on");
            Jdbc.query(admin, RELOAD, statement -> { }, row -> row.getBoolean(1));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!sslOn(server)) {
            assertThat(System.nanoTime()).as("ssl on after the reload").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static boolean sslOn(RestartableServer server) throws SQLException {
        try (Connection admin = connect(server)) {
            return Jdbc.query(admin, SSL_SETTING, statement -> { }, row -> row.getString(1)).getFirst().equals("on");
        }
    }

    private static void alterSystem(Connection admin, String setting, String value) throws SQLException {
        String statement = Jdbc.query(admin, ALTER_SYSTEM, bind -> {
            bind.setString(1, setting);
            bind.setString(2, value);
        }, row -> row.getString(1)).getFirst();
        try (Statement alter = admin.createStatement()) {
            alter.execute(statement);
        }
    }

    /** Plain: pgjdbc's own prefer would switch to TLS once the server offers it, which is not what is tested here. */
    private static Connection connect(RestartableServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl() + "?sslmode=disable", server.username(), server.password());
    }
}
