package io.tasker.bridge.handle;

import io.tasker.bridge.ruby.http.JdkHttpClient;
import io.tasker.core.handler.EngineServices;

/**
 * What every handle of one language's contexts shares: the engine's services, the YAML files of the handler roots,
 * and the HTTP client (thread-safe, one for all contexts; null for a language whose handlers get none, such as
 * sandboxed Python, which must not reach the network through the host).
 */
public record HostServices(EngineServices engine, HandlerFiles files, JdkHttpClient httpClient) {
}
