package io.tasker.cli.operate;

import io.tasker.core.engine.Actor;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who acts when an operator command changes a task: {@code cli:<os user>@<host>}, as the operating system knows
 * them. Not proof of identity (anyone with database access can write anything), but what an audit trail of
 * shell commands can honestly say.
 */
final class CliActor {

    private CliActor() {
    }

    static Actor of(String reason) {
        return new Actor("cli:" + System.getProperty("user.name", "unknown") + "@" + host(), reason);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
