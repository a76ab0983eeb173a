package io.tasker.bridge.ruby.http;

/** Ssl options that cannot be turned into an SSL context (a missing ca_file, a file without certificates, ...). */
final class TlsConfigurationException extends Exception {
    TlsConfigurationException(String message) {
        super(message);
    }

    TlsConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
