package io.tasker.bridge.ruby.http;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * A response as the Ruby shim reads it, or the kind of failure that prevented one: {@code timeout}, {@code connection},
 * {@code ssl} (the TLS handshake failed) or {@code ssl_config} (the ssl options cannot be used).
 */
public final class HttpReply {
    private final int status;
    private final String body;
    private final List<Object> headers;
    private final String errorKind;
    private final String errorMessage;

    private HttpReply(int status, String body, List<Object> headers, String errorKind, String errorMessage) {
        this.status = status;
        this.body = body;
        this.headers = headers;
        this.errorKind = errorKind;
        this.errorMessage = errorMessage;
    }

    static HttpReply of(HttpResponse<String> response) {
        List<Object> pairs = new ArrayList<>();
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            if (header.getKey().startsWith(":")) {
                continue;
            }
            for (String value : header.getValue()) {
                pairs.add(header.getKey());
                pairs.add(value);
            }
        }
        return new HttpReply(response.statusCode(), response.body(), List.copyOf(pairs), null, null);
    }

    static HttpReply failure(String kind, String message) {
        return new HttpReply(0, "", List.of(), kind, message);
    }

    @HostAccess.Export
    public int status() {
        return status;
    }

    @HostAccess.Export
    public String body() {
        return body;
    }

    /** Name, value, name, value, ...; a header sent several times appears once per value. */
    @HostAccess.Export
    public ProxyArray headers() {
        return ProxyArray.fromList(headers);
    }

    /** Null when a response arrived. */
    @HostAccess.Export
    public String error_kind() {
        return errorKind;
    }

    @HostAccess.Export
    public String error_message() {
        return errorMessage;
    }
}
