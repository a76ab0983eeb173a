package io.tasker.bridge.ruby.http;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/** Builds the SSL context and parameters of one set of ssl options. */
final class TlsContexts {
    /** Oldest first, so that a min/max pair selects a range. */
    private static final List<String> PROTOCOLS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    /** What the JDK client is built with for one {@link TlsSettings}. */
    record Tls(SSLContext context, SSLParameters parameters) {
    }

    private TlsContexts() {
    }

    static Tls build(TlsSettings settings) throws TlsConfigurationException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {TrustManagers.forSettings(settings)}, null);
            SSLParameters parameters = context.getDefaultSSLParameters();
            if (settings.limitsProtocols()) {
                parameters.setProtocols(protocols(settings, parameters.getProtocols()));
            }
            return new Tls(context, parameters);
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException("cannot build an SSL context from the ssl options: " + e.getMessage(), e);
        }
    }

    /** The JDK's enabled protocols within [min_version, max_version]. */
    private static String[] protocols(TlsSettings settings, String[] enabled) throws TlsConfigurationException {
        int low = index("min_version", settings.minVersion(), 0);
        int high = index("max_version", settings.maxVersion(), PROTOCOLS.size() - 1);
        String[] chosen = Arrays.stream(enabled)
                .filter(protocol -> PROTOCOLS.indexOf(protocol) >= low && PROTOCOLS.indexOf(protocol) <= high)
                .toArray(String[]::new);
        if (chosen.length == 0) {
            throw new TlsConfigurationException("ssl min_version " + settings.minVersion() + " and max_version "
                    + settings.maxVersion() + " leave none of the protocols this JDK enables: " + String.join(", ", enabled));
        }
        return chosen;
    }

    private static int index(String option, String protocol, int absent) throws TlsConfigurationException {
        if (protocol == null) {
            return absent;
        }
        int index = PROTOCOLS.indexOf(protocol);
        if (index < 0) {
            throw new TlsConfigurationException("ssl " + option + " " + protocol + " is not one of " + PROTOCOLS);
        }
        return index;
    }
}
