package io.tasker.core.wakeup;

import io.tasker.core.wakeup.ListenTarget.HostPort;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;

/**
 * Asks a server whether it speaks TLS, on a connection of its own that it then closes: PostgreSQL's
 * {@code SSLRequest}, answered by one byte, {@code S} or {@code N}. This is what libpq's {@code prefer}
 * does first; the Vert.x client's own {@code prefer} (and {@code require}) leaves the connection open when
 * the answer is {@code N} (Vert.x 5.0.12), and the server process behind it then waits out
 * {@code authentication_timeout} (60 s), which also holds up a server shutdown for that long.
 */
final class TlsProbe {

    /** Length 8, then the SSLRequest code 80877103 (1234 in the high 16 bits, 5679 in the low). */
    private static final byte[] SSL_REQUEST = {0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f};

    private final NetClient client;

    TlsProbe(Vertx vertx, NetClientOptions transport) {
        this.client = vertx.createNetClient(new NetClientOptions(transport).setSsl(false));
    }

    /** True for {@code S}; fails when the server closes without answering or is not reachable. */
    Future<Boolean> supportsTls(HostPort host) {
        return client.connect(host.port(), host.host()).compose(socket -> {
            Promise<Boolean> answer = Promise.promise();
            socket.handler(bytes -> {
                answer.tryComplete(bytes.getByte(0) == 'S');
                socket.close();
            });
            socket.closeHandler(ignored -> answer.tryFail("PostgreSQL at " + host.host() + ":" + host.port()
                    + " closed the connection without answering the TLS request"));
            socket.write(Buffer.buffer(SSL_REQUEST));
            return answer.future();
        });
    }

    Future<Void> close() {
        return client.close();
    }
}
