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
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * Sends the requests of the Ruby shim's {@code Faraday::Connection}. Failures to connect or to answer in time come
 * back as an {@link HttpReply} naming them, so that Ruby raises Faraday's own errors instead of a host exception.
 * One {@link HttpClient} per connect timeout, shared by every context: clients are thread-safe and pool connections.
 */
public final class JdkHttpClient {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    /**
     * @param headerPairs a guest array of strings: name, value, name, value, ...
     * @param body the request body, or nil
     */
    @HostAccess.Export
    public HttpReply exchange(String method, String url, Value headerPairs, String body, double openTimeoutSeconds,
            double timeoutSeconds) {
        try {
            HttpRequest request = request(method, url, headerPairs, body, timeoutSeconds);
            HttpResponse<String> response = client(openTimeoutSeconds).send(request, HttpResponse.BodyHandlers.ofString());
            return HttpReply.of(response);
        } catch (HttpConnectTimeoutException e) {
            return HttpReply.failure("timeout", "connecting timed out after " + openTimeoutSeconds + " s");
        } catch (HttpTimeoutException e) {
            return HttpReply.failure("timeout", "no response within " + timeoutSeconds + " s");
        } catch (IOException | IllegalArgumentException e) {
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

    private HttpClient client(double openTimeoutSeconds) {
        return clients.computeIfAbsent(seconds(openTimeoutSeconds), timeout -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build());
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
