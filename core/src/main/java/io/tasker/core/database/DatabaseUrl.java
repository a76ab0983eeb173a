package io.tasker.core.database;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

/**
 * A PostgreSQL connection target, parsed from a JDBC URL ({@code jdbc:postgresql://host:5432/db?user=u})
 * or a libpq URL ({@code postgres://user:password@host:5432/db?sslmode=require}, also {@code postgresql://}).
 *
 * @param jdbcUrl the URL pgjdbc connects to, without user and password
 * @param username the user the URL names, or null
 * @param password the password the URL gives, or null
 * @param display the URL as given but without its password: the form for logs and error messages
 */
public record DatabaseUrl(String jdbcUrl, String username, String password, String display) {

    private static final String JDBC_PREFIX = "jdbc:postgresql:";
    private static final String EXPECTED =
            "expected jdbc:postgresql://host:port/database or postgres://user:password@host:port/database";

    /** libpq URL parameters and the pgjdbc properties they become. */
    private static final Map<String, String> LIBPQ_PARAMETERS = Map.of(
            "sslmode", "sslmode",
            "sslcert", "sslcert",
            "sslkey", "sslkey",
            "sslrootcert", "sslrootcert",
            "sslpassword", "sslpassword",
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout",
            "options", "options",
            "target_session_attrs", "targetServerType",
            "keepalives", "tcpKeepAlive");

    private static final Map<String, String> TARGET_SESSION_ATTRS = Map.of(
            "any", "any",
            "read-write", "primary",
            "primary", "primary",
            "read-only", "secondary",
            "standby", "secondary",
            "prefer-standby", "preferSecondary");

    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The database URL is empty; " + EXPECTED);
        }
        String trimmed = url.strip();
        try {
            if (trimmed.startsWith(JDBC_PREFIX)) {
                return parseJdbc(trimmed);
            }
            if (trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://")) {
                return parseLibpq(trimmed);
            }
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("URLDecoder")) {
                throw new IllegalArgumentException("Database URL '" + redactGuess(trimmed)
                        + "' has a malformed %-escape; write special characters as %XX (e.g. %40 for @)", e);
            }
            throw e;
        }
        throw new IllegalArgumentException("Unsupported database URL '" + redactGuess(trimmed) + "': " + EXPECTED);
    }

    /** This target with the given user and password filling in what the URL itself leaves out. */
    public DatabaseUrl withFallbackCredentials(String fallbackUsername, String fallbackPassword) {
        return new DatabaseUrl(jdbcUrl, firstPresent(username, fallbackUsername), firstPresent(password, fallbackPassword), display);
    }

    @Override
    public String toString() {
        return display;
    }

    private static DatabaseUrl parseJdbc(String url) {
        Split split = Split.atQuery(url);
        Query query = Query.parse(split.query(), raw -> URLDecoder.decode(raw, StandardCharsets.UTF_8));
        String display = split.base() + query.without("password").render();
        if (org.postgresql.Driver.parseURL(url, null) == null) {
            throw new IllegalArgumentException("'" + display + "' is not a valid PostgreSQL JDBC URL; " + EXPECTED);
        }
        String jdbcUrl = split.base() + query.without("user").without("password").render();
        return new DatabaseUrl(jdbcUrl, query.value("user"), query.value("password"), display);
    }

    private static DatabaseUrl parseLibpq(String url) {
        String scheme = url.substring(0, url.indexOf("://"));
        Split split = Split.atQuery(url.substring(scheme.length() + 3));
        String rest = split.base();
        int at = rest.lastIndexOf('@');
        int pathStart = rest.indexOf('/', at + 1);
        String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
        String path = pathStart < 0 ? "" : rest.substring(pathStart + 1);
        String userInfo = at < 0 ? null : authority.substring(0, at);
        String hosts = at < 0 ? authority : authority.substring(at + 1);
        Query query = Query.parse(split.query(), DatabaseUrl::percentDecode);

        String rawUser = userInfo == null ? "" : userInfo.split(":", 2)[0];
        String display = scheme + "://" + (rawUser.isEmpty() ? "" : rawUser + "@") + hosts
                + (pathStart < 0 ? "" : "/" + path) + query.without("password").render();
        String user = firstPresent(query.value("user"), rawUser.isEmpty() ? null : percentDecode(rawUser));
        String password = firstPresent(query.value("password"), passwordOf(userInfo));
        String database = firstPresent(query.value("dbname"), path.isEmpty() ? null : percentDecode(path));

        String jdbcHosts = hosts.isEmpty() ? "localhost" : hosts;
        checkPorts(jdbcHosts, display);
        String jdbcUrl = "jdbc:postgresql://" + jdbcHosts + "/"
                + (database == null ? "" : URLEncoder.encode(database, StandardCharsets.UTF_8))
                + jdbcParameters(query, display);
        return new DatabaseUrl(jdbcUrl, user, password, display);
    }

    private static String jdbcParameters(Query libpq, String display) {
        List<Parameter> jdbc = new ArrayList<>();
        for (Parameter parameter : libpq.without("user").without("password").without("dbname").parameters()) {
            String name = LIBPQ_PARAMETERS.get(parameter.name());
            if (name == null) {
                throw new IllegalArgumentException("Database URL parameter '" + parameter.name() + "' in " + display
                        + " is not supported; supported are user, password, dbname and "
                        + String.join(", ", LIBPQ_PARAMETERS.keySet().stream().sorted().toList()));
            }
            String value = jdbcValue(parameter.name(), parameter.value(), display);
            jdbc.add(new Parameter(name, value, URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        return new Query(jdbc).render();
    }

    private static String jdbcValue(String libpqName, String value, String display) {
        return switch (libpqName) {
            case "target_session_attrs" -> {
                String mapped = TARGET_SESSION_ATTRS.get(value);
                if (mapped == null) {
                    throw new IllegalArgumentException("target_session_attrs=" + value + " in " + display
                            + " is not one of " + String.join(", ", TARGET_SESSION_ATTRS.keySet().stream().sorted().toList()));
                }
                yield mapped;
            }
            case "keepalives" -> String.valueOf(!"0".equals(value));
            default -> value;
        };
    }

    private static void checkPorts(String hosts, String display) {
        for (String host : hosts.split(",")) {
            int portSeparator = host.startsWith("[") ? host.indexOf("]:") + 1 : host.lastIndexOf(':');
            if (portSeparator <= 0) {
                continue;
            }
            String port = host.substring(portSeparator + 1);
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                throw new IllegalArgumentException("Port '" + port + "' of host '" + host + "' in database URL " + display
                        + " is not a port number (1-65535)");
            }
        }
    }

    private static String passwordOf(String userInfo) {
        if (userInfo == null || !userInfo.contains(":")) {
            return null;
        }
        return percentDecode(userInfo.substring(userInfo.indexOf(':') + 1));
    }

    /** libpq decodes %XX only; a '+' stays a '+'. */
    private static String percentDecode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String redactGuess(String url) {
        return url.replaceAll("(://[^:/@]*):[^@]*@", "$1@").replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }

    private static String firstPresent(String preferred, String fallback) {
        return preferred != null && !preferred.isEmpty() ? preferred : fallback;
    }

    private record Split(String base, String query) {
        static Split atQuery(String url) {
            int question = url.indexOf('?');
            return question < 0 ? new Split(url, "") : new Split(url.substring(0, question), url.substring(question + 1));
        }
    }

    /** One query parameter: its decoded value, and its text as written in the URL. */
    private record Parameter(String name, String value, String raw) {
    }

    private record Query(List<Parameter> parameters) {

        static Query parse(String query, UnaryOperator<String> decoder) {
            List<Parameter> parameters = new ArrayList<>();
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    String raw = equals < 0 ? "" : pair.substring(equals + 1);
                    parameters.add(new Parameter(equals < 0 ? pair : pair.substring(0, equals), decoder.apply(raw), raw));
                }
            }
            return new Query(parameters);
        }

        String value(String name) {
            return parameters.stream().filter(p -> p.name().equals(name)).map(Parameter::value)
                    .reduce((first, last) -> last).orElse(null);
        }

        Query without(String name) {
            return new Query(parameters.stream().filter(p -> !p.name().equals(name)).toList());
        }

        String render() {
            StringJoiner joiner = new StringJoiner("&", "?", "").setEmptyValue("");
            parameters.forEach(p -> joiner.add(p.name() + "=" + p.raw()));
            return joiner.toString();
        }
    }
}
