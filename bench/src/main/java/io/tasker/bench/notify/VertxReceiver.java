package io.tasker.bench.notify;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.SslMode;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The Vert.x PostgreSQL client bare: one event loop, one connection, the notification handler as the sink. */
final class VertxReceiver implements Receiver {

    private final Login login;
    private Vertx vertx;
    private PgConnection connection;

    VertxReceiver(Login login) {
        this.login = login;
    }

    @Override
    public void start(String channel, Consumer<String> sink) throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setUseDaemonThread(true));
        String hostPortDb = login.url().substring("jdbc:postgresql://".length());
        String host = hostPortDb.substring(0, hostPortDb.indexOf(':'));
        int port = Integer.parseInt(hostPortDb.substring(hostPortDb.indexOf(':') + 1, hostPortDb.indexOf('/')));
        PgConnectOptions options = new PgConnectOptions().setHost(host).setPort(port)
                .setDatabase(hostPortDb.substring(hostPortDb.indexOf('/') + 1))
                .setUser(login.username()).setPassword(login.password()).setSslMode(SslMode.DISABLE);
        connection = PgConnection.connect(vertx, options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        connection.notificationHandler(notification -> sink.accept(notification.getPayload()));
        connection.query("LISTEN " + channel).execute().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        connection.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
