package io.tasker.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Module boundaries of ARCHITECTURE.md §1–2, checked on every build instead of in review. */
@AnalyzeClasses(packages = "io.tasker.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule core_never_sees_graalvm = noClasses().should().dependOnClassesThat()
            .resideInAPackage("org.graalvm..")
            .because("the polyglot bridge is the only module that may load a guest language");

    @ArchTest
    static final ArchRule the_model_and_the_handler_spi_know_nothing_of_storage = noClasses()
            .that().resideInAnyPackage("io.tasker.core.model..", "io.tasker.core.handler..", "io.tasker.core.template..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.tasker.core.persistence..",
                    "io.tasker.core.database..", "com.zaxxer..", "org.postgresql..", "org.flywaydb..")
            .because("states, templates and handlers are pure; storage is the persistence package's job");

    @ArchTest
    static final ArchRule only_persistence_and_database_speak_jdbc = noClasses()
            .that().resideOutsideOfPackages("io.tasker.core.persistence..", "io.tasker.core.database..",
                    "io.tasker.core.query..", "io.tasker.core.maintenance..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.postgresql..", "com.zaxxer..")
            .because("decide-then-apply: the engine decides, the stores write (operator queries and maintenance read"
                    + " and purge beside the engine, never inside it)");

    @ArchTest
    static final ArchRule the_engine_does_not_use_operator_queries_or_maintenance = noClasses()
            .that().resideInAnyPackage("io.tasker.core.engine..", "io.tasker.core.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tasker.core.query..", "io.tasker.core.maintenance..")
            .because("queries across tasks stay off the hot path (ARCHITECTURE.md §4)");

    @ArchTest
    static final ArchRule nothing_reads_the_environment_outside_configuration_and_the_database_launcher = noClasses()
            .that().resideOutsideOfPackages("io.tasker.core.config..", "io.tasker.core.database..")
            .should().callMethod(System.class, "getenv", String.class)
            .orShould().callMethod(System.class, "getenv")
            .because("configuration is injected, never looked up globally");
}
