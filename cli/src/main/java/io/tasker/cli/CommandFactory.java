package io.tasker.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates commands for picocli, handing the environment to those whose constructor asks for it. */
final class CommandFactory implements CommandLine.IFactory {

    private final CliEnvironment environment;
    private final CommandLine.IFactory standard = CommandLine.defaultFactory();

    CommandFactory(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == CliEnvironment.class) {
                return type.cast(constructor.newInstance(environment));
            }
        }
        return standard.create(type);
    }
}
