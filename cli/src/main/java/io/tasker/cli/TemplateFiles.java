package io.tasker.cli;

import io.tasker.core.config.ConfigLoader;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateException;
import io.tasker.core.template.TemplateLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads the task template a command was given, in the environment {@code TASKER_ENV} selects. */
public final class TemplateFiles {

    private TemplateFiles() {
    }

    /** @throws InvalidInputException naming the file and, one per line, every problem with its line and field */
    public static TaskTemplate load(Path file, CliEnvironment environment) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("template " + file + ": no such file; expected a task template in YAML");
        }
        try {
            return new TemplateLoader(ConfigLoader.environmentName(environment.variables())).load(file);
        } catch (TemplateException e) {
            throw new InvalidInputException(file + " is not a valid task template:\n" + indented(e), e);
        }
    }

    private static String indented(TemplateException problems) {
        return problems.problems().stream().map(problem -> "  " + problem).collect(Collectors.joining("\n"));
    }
}
