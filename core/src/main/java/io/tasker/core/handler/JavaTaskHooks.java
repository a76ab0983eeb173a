package io.tasker.core.handler;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Java {@link TaskHooks} class, instantiated once (with the engine's services when its constructor takes them),
 * that reports as defined only the hooks it overrides.
 */
final class JavaTaskHooks implements TaskHooks {
    private final TaskHooks hooks;
    private final Set<Hook> defined;

    private JavaTaskHooks(TaskHooks hooks, Set<Hook> defined) {
        this.hooks = hooks;
        this.defined = defined;
    }

    static TaskHooks of(Class<? extends TaskHooks> type, TaskHandlerSpec spec, EngineServices services)
            throws HandlerResolutionException {
        try {
            return new JavaTaskHooks(instantiate(type, services), overridden(type));
        } catch (NoSuchMethodException e) {
            throw new HandlerResolutionException(where(spec) + ": " + type.getName()
                    + " needs a public constructor taking EngineServices or none", e);
        } catch (InvocationTargetException e) {
            throw new HandlerResolutionException(where(spec) + ": the constructor of " + type.getName() + " threw "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new HandlerResolutionException(where(spec) + ": cannot instantiate " + type.getName() + ": " + e, e);
        }
    }

    private static TaskHooks instantiate(Class<? extends TaskHooks> type, EngineServices services)
            throws ReflectiveOperationException {
        try {
            return type.getConstructor(EngineServices.class).newInstance(services);
        } catch (NoSuchMethodException e) {
            return type.getConstructor().newInstance();
        }
    }

    private static Set<Hook> overridden(Class<?> type) throws NoSuchMethodException {
        Set<Hook> found = EnumSet.noneOf(Hook.class);
        addIfOverridden(found, Hook.SCHEMA, type.getMethod("schema"));
        addIfOverridden(found, Hook.ESTABLISH_STEP_DEPENDENCIES_AND_DEFAULTS,
                type.getMethod("establishStepDependenciesAndDefaults", TaskDraft.class));
        addIfOverridden(found, Hook.UPDATE_ANNOTATIONS,
                type.getMethod("updateAnnotations", TaskView.class, SequenceView.class, List.class));
        return found;
    }

    private static void addIfOverridden(Set<Hook> found, Hook hook, Method method) {
        if (method.getDeclaringClass() != TaskHooks.class) {
            found.add(hook);
        }
    }

    private static String where(TaskHandlerSpec spec) {
        return "task handler class of task '" + spec.taskName() + "'";
    }

    @Override
    public boolean defines(Hook hook) {
        return defined.contains(hook) && hooks.defines(hook);
    }

    @Override
    public Map<String, Object> schema() throws Exception {
        return hooks.schema();
    }

    @Override
    public TaskDraft establishStepDependenciesAndDefaults(TaskDraft task) throws Exception {
        return hooks.establishStepDependenciesAndDefaults(task);
    }

    @Override
    public void updateAnnotations(TaskView task, SequenceView sequence, List<StepView> steps) throws Exception {
        hooks.updateAnnotations(task, sequence, steps);
    }

    @Override
    public String toString() {
        return hooks.getClass().getName();
    }
}
