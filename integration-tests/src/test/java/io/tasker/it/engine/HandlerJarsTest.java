package io.tasker.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.engine.TaskRequest;
import io.tasker.core.engine.TaskResult;
import io.tasker.core.engine.TaskerEngine;
import io.tasker.core.template.TaskTemplate;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A Java handler that is not on the class path is found in a jar under a handler root, as with --handlers. */
@ExtendWith(TaskerDatabaseExtension.class)
class HandlerJarsTest {
    private static final String SOURCE = """
            package com.acme.handlers;

            import io.tasker.core.handler.*;
            import java.util.Map;

            public final class Greeter implements StepHandler {
                private final Object config;

                public Greeter(Object config) {
                    this.config = config;
                }

                @Override
                public Object process(TaskView task, SequenceView sequence, StepView step) {
                    return Map.of("greeting", ((Map<?, ?>) config).get("salutation") + ", " + task.context().get("name"));
                }
            }
            """;

    @Test
    void finds_a_handler_class_in_a_jar_under_a_handler_root(TestDatabase db, @TempDir Path root) throws Exception {
        Path jar = root.resolve("lib/nested/acme-handlers.jar");
        buildJar(root.resolve("build"), jar);
        TaskTemplate template = new io.tasker.core.template.TemplateLoader("test").parse("""
                name: greet
                version: 1.0.0
                step_templates:
                  - name: hello
                    handler_class: com.acme.handlers.Greeter
                    handler_config: {salutation: Hello}
                """, "greet.yaml");
        try (TaskerEngine engine = TaskerEngine.builder(db.dataSource(), EngineFixture.config(2,
                io.tasker.core.config.EngineConfig.IdentityStrategy.DEFAULT)).handlerRoots(List.of(root)).build()) {
            engine.register(template);
            long id = engine.createTask(TaskRequest.of("default", "greet", "1.0.0", Map.of("name", "Ada"))).taskId();
            TaskResult result = engine.run(id).get(30, TimeUnit.SECONDS);
            assertThat(result.step("hello").results()).isEqualTo(Map.of("greeting", "Hello, Ada"));
        }
    }

    private static void buildJar(Path buildDir, Path jar) throws IOException {
        Path source = buildDir.resolve("src/com/acme/handlers/Greeter.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        Path classes = Files.createDirectories(buildDir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertThat(status).as("javac exit status").isZero();
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            Path compiled = classes.resolve("com/acme/handlers/Greeter.class");
            out.putNextEntry(new JarEntry("com/acme/handlers/Greeter.class"));
            Files.copy(compiled, out);
            out.closeEntry();
        }
    }
}
