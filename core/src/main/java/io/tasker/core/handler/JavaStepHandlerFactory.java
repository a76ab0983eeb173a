package io.tasker.core.handler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Java step handlers: classes implementing {@link StepHandler}, found on the class path or in jars under
 * the handler roots. A class with a constructor taking one {@code Object} (or {@code Map}) receives the
 * step's {@code handler_config}; otherwise its no-argument constructor is used. A template's
 * {@code task_handler_class} that names a class implementing {@link TaskHooks} gives the template its task-level
 * hooks; a constructor taking {@link EngineServices} receives them (to keep annotations), else the no-argument one
 * is used.
 */
public final class JavaStepHandlerFactory implements StepHandlerFactory {
    private ClassLoader loader = JavaStepHandlerFactory.class.getClassLoader();
    private EngineServices services;

    @Override
    public String language() {
        return "java";
    }

    @Override
    public void start(HandlerEnvironment environment) {
        services = environment.services();
        List<URL> jars = new ArrayList<>();
        for (Path root : environment.handlerRoots()) {
            jars.addAll(jarsUnder(root));
        }
        if (!jars.isEmpty()) {
            loader = new URLClassLoader("tasker-handlers", jars.toArray(URL[]::new), loader);
        }
    }

    @Override
    public StepHandler create(HandlerSpec spec) throws HandlerResolutionException {
        Class<?> type = load(spec);
        if (!StepHandler.class.isAssignableFrom(type)) {
            throw new HandlerResolutionException(where(spec) + ": class " + spec.handlerClass()
                    + " does not implement " + StepHandler.class.getName());
        }
        return instantiate(spec, type);
    }

    @Override
    public Optional<TaskHooks> taskHooks(TaskHandlerSpec spec) throws HandlerResolutionException {
        String name = javaName(spec);
        if (name == null) {
            return Optional.empty();
        }
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        if (!TaskHooks.class.isAssignableFrom(type)) {
            return Optional.empty();
        }
        return Optional.of(JavaTaskHooks.of(type.asSubclass(TaskHooks.class), spec, services));
    }

    /** The class name the template gives, qualified by its module_namespace as a package; null when not Java. */
    private static String javaName(TaskHandlerSpec spec) {
        String simple = spec.taskHandlerClass();
        if (simple == null || simple.contains("::")
                || spec.moduleNamespace() != null && spec.moduleNamespace().contains("::")) {
            return null;
        }
        return spec.moduleNamespace() == null ? simple : spec.moduleNamespace() + "." + simple;
    }

    private Class<?> load(HandlerSpec spec) throws HandlerResolutionException {
        try {
            return Class.forName(spec.handlerClass(), true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new HandlerResolutionException(where(spec) + ": Java handler class " + spec.handlerClass()
                    + " was not found on the class path or in a jar under the --handlers roots", e);
        }
    }

    private static StepHandler instantiate(HandlerSpec spec, Class<?> type) throws HandlerResolutionException {
        try {
            Constructor<?> withConfig = configConstructor(type);
            Object handler = withConfig != null
                    ? withConfig.newInstance(spec.handlerConfig())
                    : type.getDeclaredConstructor().newInstance();
            return (StepHandler) handler;
        } catch (NoSuchMethodException e) {
            throw new HandlerResolutionException(where(spec) + ": " + spec.handlerClass()
                    + " needs a public no-argument constructor or one taking the handler_config (Object or Map)", e);
        } catch (InvocationTargetException e) {
            throw new HandlerResolutionException(where(spec) + ": the constructor of " + spec.handlerClass()
                    + " threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new HandlerResolutionException(where(spec) + ": cannot instantiate " + spec.handlerClass() + ": " + e, e);
        }
    }

    private static Constructor<?> configConstructor(Class<?> type) {
        for (Class<?> parameter : List.of(Object.class, java.util.Map.class)) {
            try {
                return type.getConstructor(parameter);
            } catch (NoSuchMethodException e) {
                // try the next accepted signature
            }
        }
        return null;
    }

    private static List<URL> jarsUnder(Path root) {
        if (Files.isRegularFile(root) && root.toString().endsWith(".jar")) {
            return List.of(url(root));
        }
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted()
                    .map(JavaStepHandlerFactory::url)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list handler jars under " + root, e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad jar path " + jar, e);
        }
    }

    private static String where(HandlerSpec spec) {
        return "step '" + spec.stepName() + "' of task '" + spec.taskName() + "'";
    }
}
