package io.tasker.core.config;

/**
 * Where the state lives. With no {@code url} the engine starts its embedded PostgreSQL.
 *
 * @param url a JDBC URL ({@code jdbc:postgresql://...}) or a libpq URL ({@code postgres://user:pw@host/db}); null for embedded
 * @param embeddedDataDirectory data folder of the embedded server, relative to the working directory
 * @param embeddedFsync whether the embedded server makes commits durable (fsync, synchronous_commit)
 */
public record DatabaseConfig(
        String url,
        String username,
        String password,
        int poolSize,
        int connectTimeoutSeconds,
        int statementTimeoutSeconds,
        String embeddedDataDirectory,
        boolean embeddedFsync) {

    /** Never prints the password: configurations end up in logs and error messages. */
    @Override
    public String toString() {
        String shownUrl = url == null ? null : url.replaceAll("(://[^:/@]+:)[^@]*@", "$1***@")
                .replaceAll("(?i)(password=)[^&]*", "$1***");
        return "DatabaseConfig[url=" + shownUrl + ", username=" + username + ", password=" + (password == null ? null : "***")
                + ", poolSize=" + poolSize + ", connectTimeoutSeconds=" + connectTimeoutSeconds
                + ", statementTimeoutSeconds=" + statementTimeoutSeconds + ", embeddedDataDirectory="
                + embeddedDataDirectory + ", embeddedFsync=" + embeddedFsync + "]";
    }
}
