package io.tasker.bridge.ruby.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * Sends the requests of the Ruby shim's {@code Faraday::Connection}. Failures to connect or to answer in time come
 * back as an {@link HttpReply} naming them, so that Ruby raises Faraday's own errors instead of a host exception.
 * One {@link HttpClient} per connect timeout and {@link TlsSettings}, shared by every context: clients are thread-safe and
 * pool connections; one SSL context per distinct ssl option set.
 */
public final class JdkHttpClient {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final Map<ClientKey, HttpClient> clients = new ConcurrentHashMap<>();
    private final Map<TlsSettings, TlsContexts.Tls> tlsContexts = new ConcurrentHashMap<>();

    private record ClientKey(Duration connectTimeout, TlsSettings tls) {
    }

    /** The ssl options of a connection, checked and normalised by {@code Faraday::SSLOptions}; see {@link TlsSettings}. */
    @HostAccess.Export
    public TlsSettings tls(boolean verify, boolean verifyHostname, String caFile, String caPath, String minVersion,
            String maxVersion) {
        return new TlsSettings(verify, verifyHostname, caFile, caPath, minVersion, maxVersion);
    }

    /**
     * @param headerPairs a guest array of strings: name, value, name, value, ...
     * @param body the request body, or nil
     * @param tls the connection's ssl options from {@link #tls}, or nil for the JDK's defaults; plain http ignores them
     */
    @HostAccess.Export
    public HttpReply exchange(String method, String url, Value headerPairs, String body, double openTimeoutSeconds,
            double timeoutSeconds, TlsSettings tls) {
        try {
            HttpRequest request = request(method, url, headerPairs, body, timeoutSeconds);
            HttpClient client = client(openTimeoutSeconds, effective(request.uri(), tls));
            return HttpReply.of(client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (TlsConfigurationException e) {
            return HttpReply.failure("ssl_config", e.getMessage());
        } catch (HttpConnectTimeoutException e) {
            return HttpReply.failure("timeout", "connecting timed out after " + openTimeoutSeconds + " s");
        } catch (HttpTimeoutException e) {
            return HttpReply.failure("timeout", "no response within " + timeoutSeconds + " s");
        } catch (IOException e) {
            return HttpReply.failure(causedBy(e, SSLException.class) ? "ssl" : "connection", describe(e));
        } catch (IllegalArgumentException e) {
            return HttpReply.failure("connection", describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HttpReply.failure("connection", "interrupted while waiting for the response");
        }
    }

    private static HttpRequest request(String method, String url, Value headerPairs, String body, double timeoutSeconds) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(seconds(timeoutSeconds))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (long i = 0; i + 1 < headerPairs.getArraySize(); i += 2) {
            String name = headerPairs.getArrayElement(i).asString();
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, headerPairs.getArrayElement(i + 1).asString());
            }
        }
        return builder.build();
    }

    private static TlsSettings effective(URI uri, TlsSettings tls) {
        return tls == null || !"https".equalsIgnoreCase(uri.getScheme()) ? TlsSettings.DEFAULT : tls;
    }

    private HttpClient client(double openTimeoutSeconds, TlsSettings tls) throws TlsConfigurationException {
        ClientKey key = new ClientKey(seconds(openTimeoutSeconds), tls);
        HttpClient client = clients.get(key);
        if (client != null) {
            return client;
        }
        TlsContexts.Tls context = tls.equals(TlsSettings.DEFAULT) ? null : tlsContext(tls);
        return clients.computeIfAbsent(key, newKey -> newClient(newKey, context));
    }

    /** Built outside computeIfAbsent because it reads files and may fail; a failure is not cached. */
    private TlsContexts.Tls tlsContext(TlsSettings tls) throws TlsConfigurationException {
        TlsContexts.Tls context = tlsContexts.get(tls);
        if (context == null) {
            context = TlsContexts.build(tls);
            TlsContexts.Tls raced = tlsContexts.putIfAbsent(tls, context);
            return raced == null ? context : raced;
        }
        return context;
    }

    private HttpClient newClient(ClientKey key, TlsContexts.Tls context) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(key.connectTimeout());
        if (context != null) {
            builder.sslContext(context.context()).sslParameters(context.parameters());
        }
        return builder.build();
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
