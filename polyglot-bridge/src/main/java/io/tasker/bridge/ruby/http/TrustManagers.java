package io.tasker.bridge.ruby.http;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Trust managers for one client's ssl options. JSSE checks the host name inside an {@link X509ExtendedTrustManager}
 * (the JDK client always asks for it), so leaving that check out here turns it off for this client only, where the
 * JDK's own switch ({@code jdk.internal.httpclient.disableHostnameVerification}) would turn it off for the JVM.
 */
final class TrustManagers {
    private TrustManagers() {
    }

    static X509ExtendedTrustManager forSettings(TlsSettings settings) throws TlsConfigurationException {
        if (!settings.verify()) {
            return new TrustingAnyServer();
        }
        X509ExtendedTrustManager pkix = pkix(settings);
        return settings.verifyHostname() ? pkix : new WithoutHostnameCheck(pkix);
    }

    /** The JDK's trusted roots plus ca_file and ca_path, as OpenSSL adds them to its default store. */
    private static X509ExtendedTrustManager pkix(TlsSettings settings) throws TlsConfigurationException {
        try {
            if (!settings.trustsExtraCertificates()) {
                return firstX509(factory(null));
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            add(store, "jdk", List.of(firstX509(factory(null)).getAcceptedIssuers()));
            if (settings.caFile() != null) {
                add(store, "ca_file", PemCertificates.fromFile(settings.caFile()));
            }
            if (settings.caPath() != null) {
                add(store, "ca_path", PemCertificates.fromFolder(settings.caPath()));
            }
            return firstX509(factory(store));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new TlsConfigurationException("cannot build a trust store from the ssl options: " + e.getMessage(), e);
        }
    }

    private static void add(KeyStore store, String prefix, List<X509Certificate> certificates) throws GeneralSecurityException {
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry(prefix + "-" + i, certificates.get(i));
        }
    }

    private static TrustManagerFactory factory(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }

    private static X509ExtendedTrustManager firstX509(TrustManagerFactory factory) throws GeneralSecurityException {
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK's " + factory.getAlgorithm() + " trust manager factory offers no X.509 trust manager");
    }

    /** {@code verify: false}: any chain, any host name. */
    private static final class TrustingAnyServer extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this trust manager only checks servers");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /**
     * {@code verify_hostname: false}: the chain is checked, the host name is not. The two-argument checks of the PKIX
     * trust manager are the ones that know no connection, hence no host name.
     */
    private static final class WithoutHostnameCheck extends X509ExtendedTrustManager {
        private final X509TrustManager pkix;

        WithoutHostnameCheck(X509TrustManager pkix) {
            this.pkix = pkix;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            pkix.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            pkix.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            pkix.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            pkix.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            pkix.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            pkix.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pkix.getAcceptedIssuers();
        }
    }
}
