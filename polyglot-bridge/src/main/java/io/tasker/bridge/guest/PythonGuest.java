package io.tasker.bridge.guest;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;

/**
 * GraalPy, confined by default (see {@link PythonSandbox}): GraalPy obeys every switch, so Python handlers may be
 * untrusted code. The {@code tasker} package and the handler roots are on {@code sys.path}; handler modules are
 * read through a read-only file system limited to those folders, so no IO right is needed to import them.
 */
public record PythonGuest(Path packageFolder, List<Path> handlerRoots, PythonSandbox sandbox) implements Guest {
    private static final Source LOAD_BRIDGE = Source.create("python", "import tasker._bridge\ntasker._bridge");

    /** Folders are kept as real paths: the read-only file system compares them with the paths Python opens. */
    public PythonGuest {
        packageFolder = ReadOnlyFolders.realPath(packageFolder);
        handlerRoots = handlerRoots.stream().map(ReadOnlyFolders::realPath).toList();
    }

    @Override
    public String language() {
        return "python";
    }

    @Override
    public Context newContext(Engine engine) {
        return ContextSwitches.common(language(), engine)
                .allowIO(sandbox.allowIo() ? IOAccess.ALL : IOAccess.newBuilder()
                        .fileSystem(ReadOnlyFolders.of(searchPath()))
                        .allowHostSocketAccess(false)
                        .build())
                .allowCreateProcess(sandbox.allowCreateProcess())
                .allowNativeAccess(sandbox.allowNativeAccess())
                .allowCreateThread(sandbox.allowCreateThread())
                .allowEnvironmentAccess(sandbox.allowEnvironmentAccess() ? EnvironmentAccess.INHERIT : EnvironmentAccess.NONE)
                .option("python.PythonPath", String.join(File.pathSeparator, searchPath().stream().map(Path::toString).toList()))
                // Handler roots are the deployment's code: never write .pyc files into them.
                .option("python.DontWriteBytecodeFlag", "true")
                .build();
    }

    @Override
    public GuestSession open(Context context) {
        return new PythonSession(context.eval(LOAD_BRIDGE));
    }

    private List<Path> searchPath() {
        List<Path> path = new ArrayList<>();
        path.add(packageFolder);
        path.addAll(handlerRoots);
        return path;
    }
}
