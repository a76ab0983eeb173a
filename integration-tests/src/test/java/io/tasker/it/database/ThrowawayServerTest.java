package io.tasker.it.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Test servers: gone with their JVM, and cleaned up by the next one when their JVM was killed. */
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class ThrowawayServerTest {

    @Test
    void a_throwaway_server_is_stopped_and_deleted_when_its_jvm_exits() {
        ChildJvm child = ChildJvm.startThrowawayServer("exit");
        String[] server = child.awaitResultLine();
        child.awaitSuccess();

        assertThat(Path.of(server[0])).doesNotExist();
        assertThat(accepts(Integer.parseInt(server[1]))).isFalse();
    }

    @Test
    void a_throwaway_server_left_behind_by_a_killed_jvm_is_removed_by_the_next_one() {
        ChildJvm killed = ChildJvm.startThrowawayServer("wait");
        String[] orphan = killed.awaitResultLine();
        killed.kill();
        assertThat(Path.of(orphan[0])).exists();
        assertThat(accepts(Integer.parseInt(orphan[1]))).isTrue();

        ChildJvm next = ChildJvm.startThrowawayServer("exit");
        next.awaitResultLine();
        next.awaitSuccess();

        assertThat(Path.of(orphan[0]).getParent()).doesNotExist();
        assertThat(accepts(Integer.parseInt(orphan[1]))).isFalse();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
