package io.tasker.bridge.ruby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ssl options of the Faraday connection against a real HTTPS server whose self-signed certificate (for the IP
 * address 127.0.0.1 only) is made by the JDK's keytool for this test.
 */
class RubyFaradaySslTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    @TempDir
    static Path folder;
    private static Path pem;
    private static RubyShim ruby;
    private static HttpsServer server;

    @BeforeAll
    static void start() throws Exception {
        Path keyStore = folder.resolve("server.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD));
        pem = Files.createDirectory(folder.resolve("ca")).resolve("server.pem");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(), "-storepass",
                new String(PASSWORD), "-file", pem.toString());
        Files.writeString(pem.resolveSibling("README.txt"), "not a certificate; ca_path skips it");
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keyStore)));
        server.createContext("/api/status", RubyFaradaySslTest::replyWithProtocol);
        server.start();
        ruby = RubyShim.start(List.of(Path.of(RubyFaradaySslTest.class.getResource("/ruby/api_handlers").toURI())));
    }

    @AfterAll
    static void stop() {
        ruby.close();
        server.stop(0);
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        List<String> command = new java.util.ArrayList<>(List.of(java.resolveSibling("keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }

    private static SSLContext serverContext(Path keyStore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** Answers with the protocol of the TLS session, so that tests see which version was negotiated. */
    private static void replyWithProtocol(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        byte[] body = ((HttpsExchange) exchange).getSSLSession().getProtocol().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String url(String host) {
        return "https://" + host + ":" + server.getAddress().getPort() + "/api";
    }

    /** Ruby with IP (https://127.0.0.1:port/api), NAME (the same server as https://localhost:port/api) and PEM filled in. */
    private static Object eval(String code) {
        return ruby.eval(code.replace("IP", url("127.0.0.1")).replace("NAME", url("localhost")).replace("PEM", pem.toString())
                .replace("CA_DIR", pem.getParent().toString()));
    }

    private static String failure(String connection) {
        return String.valueOf(eval("begin; " + connection + ".get('status').body; rescue StandardError => e; "
                + "\"#{e.class}: #{e.message}\"; end"));
    }

    @Test
    void a_self_signed_certificate_is_refused_by_default_with_a_faraday_ssl_error_that_is_retryable() {
        Value invoker = ruby.handlerFor("Payments::RawResponseHandler", GuestData.of(Map.of("type", "api", "url", url("127.0.0.1"))));
        TestWorkflow.Attempt attempt = new TestWorkflow("pay", Map.of()).step("charge", List.of()).attempt("charge");
        PolyglotException e = assertThrows(PolyglotException.class,
                () -> invoker.invokeMember("call", attempt.task(), attempt.sequence(), attempt.step()));

        Value error = e.getGuestObject();
        assertThat(error.getMetaObject().getMetaQualifiedName()).isEqualTo("Faraday::SSLError");
        assertThat(error.invokeMember("message").asString()).contains("GET " + url("127.0.0.1") + "/status", "PKIX");
        assertThat(error.invokeMember("is_a?", ruby.evalValue("Tasker::PermanentError")).asBoolean()).isFalse();
    }

    @Test
    void ca_file_naming_the_servers_pem_certificate_makes_it_trusted_also_from_a_handler_config() {
        assertThat(eval("Faraday.new(url: 'IP', ssl: { ca_file: 'PEM' }).get('status').body")).isEqualTo("TLSv1.3");
        Object config = GuestData.of(Map.of("type", "api", "url", url("127.0.0.1"), "ssl", Map.of("ca_file", pem.toString())));
        TestWorkflow.Attempt attempt = new TestWorkflow("pay", Map.of()).step("charge", List.of()).attempt("charge");

        assertThat(ruby.call(ruby.handlerFor("Payments::RawResponseHandler", config), attempt))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("status", 200L);
    }

    @Test
    void ca_path_trusts_the_pem_files_of_a_folder() {
        assertThat(eval("Faraday.new(url: 'IP', ssl: { ca_path: 'CA_DIR' }).get('status').status")).isEqualTo(200L);
    }

    @Test
    void a_trusted_certificate_for_another_host_name_is_refused_unless_verify_hostname_is_false() {
        assertThat(failure("Faraday.new(url: 'NAME', ssl: { ca_file: 'PEM' })"))
                .startsWith("Faraday::SSLError: GET " + url("localhost") + "/status").contains("No name matching localhost found");
        assertThat(eval("Faraday.new(url: 'NAME', ssl: { ca_file: 'PEM', verify_hostname: false }).get('status').status"))
                .isEqualTo(200L);
    }

    @Test
    void verify_false_and_verify_mode_none_accept_any_certificate_for_that_connection_only() {
        assertThat(eval("Faraday.new(url: 'NAME', ssl: { verify: false }).get('status').status")).isEqualTo(200L);
        assertThat(eval("c = Faraday.new(url: 'NAME'); c.ssl.verify_mode = 0; c.get('status').status")).isEqualTo(200L);
        assertThat(failure("Faraday.new(url: 'NAME')")).startsWith("Faraday::SSLError: ");
    }

    @Test
    void min_version_and_max_version_choose_the_protocol() {
        assertThat(eval("Faraday.new(url: 'IP', ssl: { ca_file: 'PEM', max_version: :TLS1_2 }).get('status').body"))
                .isEqualTo("TLSv1.2");
        assertThat(eval("Faraday.new(url: 'IP', ssl: { ca_file: 'PEM', 'min_version' => 'TLSv1_3' }).get('status').body"))
                .isEqualTo("TLSv1.3");
    }

    @Test
    void ssl_options_tasker_jvm_cannot_honour_are_refused_with_an_argument_error_naming_them() {
        assertThat(failure("Faraday.new(url: 'IP', ssl: { client_cert: 'cert.pem' })"))
                .startsWith("ArgumentError: ssl option client_cert is not supported").contains("mutual TLS");
        assertThat(failure("Faraday.new(url: 'IP', ssl: { verify_peer: true })"))
                .startsWith("ArgumentError: ssl option :verify_peer is not a Faraday ssl option");
        assertThat(failure("Faraday.new(url: 'IP', ssl: { min_version: :SSL3 })"))
                .startsWith("ArgumentError: ssl option min_version :SSL3 is not a TLS version");
        assertThat(failure("Faraday.new(url: 'IP').tap { |c| c.ssl.ciphers = 'HIGH' }"))
                .startsWith("ArgumentError: ssl option ciphers is not supported");
        assertThat(failure("Faraday.new(url: 'IP', ssl: { ca_file: '/no/such.pem' })"))
                .startsWith("ArgumentError: GET " + url("127.0.0.1") + "/status: ssl ca_file /no/such.pem is not a readable file");
    }
}
