package io.tasker.bridge.ruby.http;

/**
 * The ssl options of a Faraday connection that the JDK client honours, already checked and normalised by the shim's
 * {@code Faraday::SSLOptions}. Equal settings share one {@link javax.net.ssl.SSLContext} and one client.
 *
 * @param verify whether the server's certificate chain is checked at all ({@code verify: false} trusts any)
 * @param verifyHostname whether the certificate must name the host of the URL
 * @param caFile a PEM file of certificates trusted in addition to the JDK's, or null
 * @param caPath a directory of such PEM files, or null
 * @param minVersion the lowest protocol, as the JDK names it ({@code TLSv1.2}), or null for the JDK's default
 * @param maxVersion the highest protocol, or null
 */
public record TlsSettings(boolean verify, boolean verifyHostname, String caFile, String caPath, String minVersion,
        String maxVersion) {
    /** What a connection without ssl options gets: the JDK's trust store, hostname checks and protocols. */
    public static final TlsSettings DEFAULT = new TlsSettings(true, true, null, null, null, null);

    boolean trustsExtraCertificates() {
        return caFile != null || caPath != null;
    }

    boolean limitsProtocols() {
        return minVersion != null || maxVersion != null;
    }
}
