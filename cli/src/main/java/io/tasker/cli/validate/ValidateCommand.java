package io.tasker.cli.validate;

import io.tasker.cli.CliEnvironment;
import io.tasker.cli.ConfigOptions;
import io.tasker.cli.ExitCode;
import io.tasker.cli.HandlerRoots;
import io.tasker.cli.InvalidInputException;
import io.tasker.cli.TemplateFiles;
import io.tasker.core.config.ConfigLoader;
import io.tasker.core.template.StepTemplate;
import io.tasker.core.template.TaskTemplate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tasker validate}: the checks {@code run} makes before it touches a database, and a summary of the template. */
@Command(name = "validate",
        header = "Checks a template and its step handlers without running anything.",
        mixinStandardHelpOptions = true,
        description = {
            "Checks TEMPLATE without running it and without a database: the YAML, every field, dependencies"
                    + " (unknown steps, cycles), the context schema, and that every step's handler class can be"
                    + " loaded from the class path or the --handlers roots.",
            "",
            "Prints OK with the template's name, steps, roots, leaves and dependency levels (exit code 0), or"
                    + " every problem with its file, line and field (exit code 2)."})
public final class ValidateCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TEMPLATE.yaml", description = "The task template to check.")
    private Path templateFile;

    @Option(names = "--handlers", paramLabel = "DIR",
            description = "A folder (searched for jars) or a jar holding step handlers; repeat for several.")
    private List<Path> handlerRoots = new ArrayList<>();

    @Mixin
    private ConfigOptions config;

    public ValidateCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        List<Path> roots = HandlerRoots.checked(handlerRoots);
        TaskTemplate template = TemplateFiles.load(templateFile, environment);
        try (HandlerCheck handlers = new HandlerCheck(roots, config.load(environment),
                ConfigLoader.environmentName(environment.variables()))) {
            List<String> problems = handlers.problems(template);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(
                        templateFile + ": step handlers cannot be used:\n  " + String.join("\n  ", problems));
            }
        }
        printSummary(template, spec.commandLine().getOut());
        return ExitCode.OK.code();
    }

    private void printSummary(TaskTemplate template, PrintWriter out) {
        TemplateShape shape = TemplateShape.of(template);
        out.println("OK " + templateFile);
        out.println("  template   " + template.key());
        out.println("  namespace  " + template.namespace());
        out.println("  name       " + template.name());
        out.println("  version    " + template.version());
        out.println("  steps      " + template.stepTemplates().size());
        out.println("  roots      " + String.join(", ", shape.roots()));
        out.println("  leaves     " + String.join(", ", shape.leaves()));
        out.println("  handlers   " + languages(template));
        out.println("  dependency levels (the steps of one level can run at the same time):");
        for (int level = 0; level < shape.levels().size(); level++) {
            out.println("    " + (level + 1) + "  " + String.join(", ", shape.levels().get(level)));
        }
    }

    private static String languages(TaskTemplate template) {
        Map<String, Long> counts = template.stepTemplates().stream()
                .collect(Collectors.groupingBy(StepTemplate::handlerLanguage, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
                + ", all loadable";
    }
}
