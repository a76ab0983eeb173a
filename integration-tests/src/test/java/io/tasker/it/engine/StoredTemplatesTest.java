package io.tasker.it.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tasker.core.database.Jdbc;
import io.tasker.core.engine.Actor;
import io.tasker.core.json.Json;
import io.tasker.core.persistence.StoredTemplateException;
import io.tasker.core.persistence.StoredTemplates;
import io.tasker.core.persistence.TemplateCatalog;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateKey;
import io.tasker.core.template.TemplateLoader;
import io.tasker.it.engine.handlers.Noop;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Templates kept in tasker_named_tasks.configuration, so that processes without the YAML file can use them. */
@ExtendWith(TaskerDatabaseExtension.class)
class StoredTemplatesTest {
    private static final TemplateKey KEY = new TemplateKey("billing", "charge", "1.0.0");

    private static String yaml(String description) {
        return """
                name: charge
                namespace_name: billing
                version: 1.0.0
                description: %s
                schema:
                  type: object
                  required: [amount]
                step_templates:
                  - name: authorize
                    handler_class: %s
                    default_retry_limit: 5
                  - name: capture
                    handler_class: %s
                    depends_on_step: authorize
                environments:
                  test:
                    step_templates:
                      - name: capture
                        handler_config:
                          sandbox: true
                """.formatted(description, Noop.class.getName(), Noop.class.getName());
    }

    @Test
    void registering_a_template_file_stores_its_yaml_its_hash_and_its_file(TestDatabase db, @TempDir Path folder)
            throws Exception {
        Path file = Files.writeString(folder.resolve("charge.yaml"), yaml("Charges a card"));
        try (EngineFixture fx = new EngineFixture(db)) {
            fx.engine.register(fx.loader.load(file));

            Map<String, Object> configuration = Json.readObject(fx.strings(
                    "SELECT configuration FROM tasker_named_tasks WHERE name = 'charge'").getFirst());

            assertThat(configuration).containsOnlyKeys("source_file", "template_yaml", "sha256");
            assertThat(configuration.get("source_file")).isEqualTo(file.toString());
            assertThat(configuration.get("template_yaml")).isEqualTo(Files.readString(file));
            assertThat(configuration.get("sha256")).isEqualTo(sha256(Files.readString(file)));
        }
    }

    @Test
    void finds_the_stored_template_by_key_named_task_and_task_as_the_loader_parses_it(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate registered = fx.register(yaml("Charges a card"));
            long taskId = fx.create(registered, Map.of("amount", 12));
            int namedTaskId = (int) fx.count("SELECT named_task_id FROM tasker_named_tasks WHERE name = 'charge'");
            StoredTemplates stored = new StoredTemplates(new Jdbc(db.dataSource()), new TemplateLoader("test"));

            TaskTemplate found = stored.find(KEY).orElseThrow();

            assertThat(found.key()).isEqualTo(KEY);
            assertThat(found.stepTemplates()).isEqualTo(registered.stepTemplates());
            assertThat(found.step("capture").orElseThrow().handlerConfig()).isEqualTo(Map.of("sandbox", true));
            assertThat(found.schema()).isEqualTo(registered.schema());
            assertThat(found.sourceText()).isEqualTo(registered.sourceText());
            assertThat(stored.findByNamedTaskId(namedTaskId)).contains(found);
            assertThat(stored.findForTask(taskId)).contains(found);
            assertThat(stored.find(new TemplateKey("billing", "charge", "2.0.0"))).isEmpty();
            assertThat(stored.findForTask(taskId + 1000)).isEmpty();
        }
    }

    @Test
    void an_engine_without_the_file_operates_on_a_task_with_the_stored_template(TestDatabase db) throws Exception {
        long taskId;
        try (EngineFixture first = new EngineFixture(db)) {
            taskId = first.create(first.register(yaml("Charges a card")), Map.of("amount", 12));
        }
        try (EngineFixture later = new EngineFixture(db)) {
            StoredTemplates stored = new StoredTemplates(new Jdbc(db.dataSource()), later.loader);
            later.engine.register(stored.findForTask(taskId).orElseThrow());

            assertThat(later.engine.cancel(taskId, new Actor("cli:ops@host", "duplicate")).status()).isEqualTo("cancelled");
        }
    }

    @Test
    void a_template_registered_again_with_other_content_replaces_the_stored_one_with_a_warning(TestDatabase db) {
        TemplateLoader loader = new TemplateLoader("test");
        Jdbc jdbc = new Jdbc(db.dataSource());
        ListAppender<ILoggingEvent> log = capture(TemplateCatalog.class);
        try {
            new TemplateCatalog(jdbc).idsOf(loader.parse(yaml("Charges a card"), "charge.yaml"));
            new TemplateCatalog(jdbc).idsOf(loader.parse(yaml("Charges a card"), "charge.yaml"));
            assertThat(log.list).isEmpty();

            new TemplateCatalog(jdbc).idsOf(loader.parse(yaml("Charges a card, twice"), "charge.yaml"));

            StoredTemplates stored = new StoredTemplates(jdbc, loader);
            assertThat(stored.find(KEY).orElseThrow().description()).isEqualTo("Charges a card, twice");
            assertThat(log.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("task template billing.charge@1.0.0 is stored in"
                        + " tasker_named_tasks with other content").contains(sha256(yaml("Charges a card")));
            });
        } finally {
            release(TemplateCatalog.class, log);
        }
    }

    @Test
    void one_catalog_stores_a_changed_template_again(TestDatabase db) {
        TemplateLoader loader = new TemplateLoader("test");
        Jdbc jdbc = new Jdbc(db.dataSource());
        TemplateCatalog catalog = new TemplateCatalog(jdbc);
        catalog.idsOf(loader.parse(yaml("first"), "charge.yaml"));

        catalog.idsOf(loader.parse(yaml("second"), "charge.yaml"));

        assertThat(new StoredTemplates(jdbc, loader).find(KEY).orElseThrow().description()).isEqualTo("second");
    }

    @Test
    void names_the_key_and_the_table_when_the_stored_yaml_is_missing_or_broken(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            fx.register(yaml("Charges a card"));
            StoredTemplates stored = new StoredTemplates(new Jdbc(db.dataSource()), fx.loader);

            fx.count("WITH u AS (UPDATE tasker_named_tasks SET configuration = '{\"source_file\": null}'"
                    + " RETURNING 1) SELECT count(*) FROM u");
            assertThatThrownBy(() -> stored.find(KEY)).isInstanceOf(StoredTemplateException.class)
                    .hasMessageContaining("task template billing.charge@1.0.0 stored in tasker_named_tasks")
                    .hasMessageContaining("has no YAML text");

            fx.count("WITH u AS (UPDATE tasker_named_tasks SET configuration = jsonb_build_object('template_yaml',"
                    + " 'name: charge' || chr(10) || 'step_templates: 3') RETURNING 1) SELECT count(*) FROM u");
            assertThatThrownBy(() -> stored.find(KEY)).isInstanceOf(StoredTemplateException.class)
                    .hasMessageContaining("task template billing.charge@1.0.0 stored in tasker_named_tasks")
                    .hasMessageContaining("cannot be parsed")
                    .hasMessageContaining("step_templates");
        }
    }

    private static ListAppender<ILoggingEvent> capture(Class<?> type) {
        Logger logger = (Logger) LoggerFactory.getLogger(type);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    private static void release(Class<?> type, ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(type)).detachAppender(appender);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
