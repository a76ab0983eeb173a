package io.tasker.core.wakeup;

import io.tasker.core.database.DatabaseUrl;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The database to LISTEN on, from the same URL forms as the pool ({@link DatabaseUrl}), turned into the
 * Vert.x client's options. Of the pgjdbc URL parameters only those that matter for one long-lived
 * connection are read: {@code sslmode}, {@code ssl}, {@code sslrootcert} and {@code options}.
 *
 * <p>A connection attempt goes to one <em>endpoint</em>: a host with a TLS mode. {@code allow} (plain,
 * then TLS) becomes two endpoints per host; {@code prefer} stays one, resolved before each connection by
 * a {@link TlsProbe} rather than left to Vert.x (see there why).
 *
 * @param hosts {@code host:port} pairs in URL order; a failed attempt moves to the next endpoint, since only a primary accepts LISTEN
 * @param display the URL without its password, for logs
 */
record ListenTarget(List<HostPort> hosts, String database, String username, String password, SslMode sslMode,
                    String sslRootCert, String startupOptions, String display) {

    static final String APPLICATION_NAME = "tasker-wakeup";
    private static final String PREFIX = "jdbc:postgresql:";
    private static final int DEFAULT_PORT = 5432;

    record HostPort(String host, int port) {
    }

    /** One place to connect to: a host and a TLS mode other than allow; prefer is resolved by a probe. */
    record Endpoint(HostPort host, SslMode sslMode) {
    }

    static ListenTarget parse(String url, String fallbackUsername, String fallbackPassword) {
        DatabaseUrl parsed = DatabaseUrl.parse(url).withFallbackCredentials(fallbackUsername, fallbackPassword);
        String rest = parsed.jdbcUrl().substring(PREFIX.length());
        int question = rest.indexOf('?');
        Map<String, String> parameters = parameters(question < 0 ? "" : rest.substring(question + 1));
        String path = question < 0 ? rest : rest.substring(0, question);
        List<HostPort> hosts = List.of(new HostPort("localhost", DEFAULT_PORT));
        if (path.startsWith("//")) {
            int slash = path.indexOf('/', 2);
            hosts = hosts(slash < 0 ? path.substring(2) : path.substring(2, slash));
            path = slash < 0 ? "" : path.substring(slash + 1);
        } else if (path.startsWith("/")) {
            path = path.substring(1);
        }
        String database = path.isEmpty() ? parsed.username() : decode(path);
        return new ListenTarget(hosts, database, parsed.username(), parsed.password(), sslMode(parameters),
                parameters.get("sslrootcert"), parameters.get("options"), parsed.display());
    }

    /** Hosts in URL order, each with the TLS modes to try in turn. */
    List<Endpoint> endpoints() {
        List<SslMode> modes = sslMode == SslMode.ALLOW ? List.of(SslMode.DISABLE, SslMode.REQUIRE) : List.of(sslMode);
        return hosts.stream().flatMap(host -> modes.stream().map(mode -> new Endpoint(host, mode))).toList();
    }

    /** Options for {@code host} in a definite mode: neither prefer nor allow. */
    PgConnectOptions options(HostPort host, SslMode mode) {
        if (mode == SslMode.PREFER || mode == SslMode.ALLOW) {
            throw new IllegalArgumentException("resolve sslmode " + mode.value + " before connecting");
        }
        PgConnectOptions options = new PgConnectOptions().setHost(host.host()).setPort(host.port())
                .setDatabase(database).setUser(username).setPassword(password).setSslMode(mode)
                .setReconnectAttempts(0);
        options.addProperty("application_name", APPLICATION_NAME);
        if (startupOptions != null) {
            options.addProperty("options", startupOptions);
        }
        if (mode != SslMode.DISABLE) {
            options.setSslOptions(sslOptions());
        }
        return options;
    }

    /**
     * TCP settings: connect within the connect timeout, keep-alive on, and a read-idle limit past the
     * heartbeat's answer time, which bounds an attempt the server never answers: closing its socket also
     * lets the server process behind it end.
     */
    static NetClientOptions transport(ListenerTimings timings) {
        return new NetClientOptions().setConnectTimeout(Math.toIntExact(timings.connectTimeout().toMillis()))
                .setTcpKeepAlive(true).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setReadIdleTimeout(Math.toIntExact(timings.heartbeat().plus(timings.connectTimeout()).toMillis()));
    }

    /** As libpq: require encrypts without checking the certificate; verify-ca and verify-full check it. */
    private ClientSSLOptions sslOptions() {
        ClientSSLOptions ssl = new ClientSSLOptions();
        if (sslMode == SslMode.VERIFY_CA || sslMode == SslMode.VERIFY_FULL) {
            if (sslRootCert != null) {
                ssl.setTrustOptions(new PemTrustOptions().addCertPath(sslRootCert));
            }
            ssl.setHostnameVerificationAlgorithm(sslMode == SslMode.VERIFY_FULL ? "HTTPS" : "");
        } else {
            ssl.setTrustAll(true);
        }
        return ssl;
    }

    /** pgjdbc's defaults: no sslmode means prefer, or verify-full when {@code ssl=true}. */
    private static SslMode sslMode(Map<String, String> parameters) {
        String mode = parameters.get("sslmode");
        if (mode == null) {
            return "true".equalsIgnoreCase(parameters.get("ssl")) ? SslMode.VERIFY_FULL : SslMode.PREFER;
        }
        try {
            return SslMode.of(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sslmode=" + mode + " is not one of disable, allow, prefer, require,"
                    + " verify-ca, verify-full", e);
        }
    }

    private static List<HostPort> hosts(String authority) {
        List<HostPort> hosts = new ArrayList<>();
        for (String host : authority.split(",")) {
            int colon = host.startsWith("[") ? host.indexOf("]:") + 1 : host.lastIndexOf(':');
            String name = colon <= 0 ? host : host.substring(0, colon);
            int port = colon <= 0 ? DEFAULT_PORT : Integer.parseInt(host.substring(colon + 1));
            name = name.startsWith("[") ? name.substring(1, name.length() - 1) : name;
            hosts.add(new HostPort(name.isEmpty() ? "localhost" : name, port));
        }
        return List.copyOf(hosts);
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(pair.substring(0, equals), decode(pair.substring(equals + 1)));
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return display;
    }
}
