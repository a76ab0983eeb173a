package io.tasker.bridge.guest;

/**
 * What Python handlers may do beyond computing, from {@code handlers.python} in the configuration; everything is
 * refused by default. Without {@code allowIo} a handler reads only its own source files (the handler roots and
 * the {@code tasker} package, read-only) and opens no socket.
 *
 * @param allowIo host files (read and write, anywhere) and sockets
 * @param allowCreateProcess starting processes ({@code subprocess}, {@code os.system})
 * @param allowNativeAccess native code ({@code ctypes}, native extensions)
 * @param allowCreateThread starting threads ({@code threading})
 * @param allowEnvironmentAccess reading the process environment ({@code os.environ})
 */
public record PythonSandbox(boolean allowIo, boolean allowCreateProcess, boolean allowNativeAccess,
                            boolean allowCreateThread, boolean allowEnvironmentAccess) {

    public static final PythonSandbox CONFINED = new PythonSandbox(false, false, false, false, false);
}
