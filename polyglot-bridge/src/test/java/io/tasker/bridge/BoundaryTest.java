package io.tasker.bridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.tasker.bridge.engine.PolyglotReport;
import org.graalvm.polyglot.Context;

/**
 * Nothing of the polyglot API leaves the bridge: what the engine and the CLI use (the factories, their
 * statistics, the polyglot report) speaks plain Java, and guest values stay inside the packages that own a context.
 */
@AnalyzeClasses(packages = "io.tasker.bridge", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundaryTest {

    @ArchTest
    static final ArchRule the_public_api_takes_and_returns_no_polyglot_types = methods()
            .that().areDeclaredInClassesThat().resideInAPackage("io.tasker.bridge")
            .or().areDeclaredIn(PolyglotReport.class)
            .and().arePublic()
            .should().notHaveRawReturnType(JavaClass.Predicates.resideInAPackage("org.graalvm.polyglot.."))
            .andShould().notHaveRawParameterTypes(DescribedPredicate.describe(
                    "a polyglot type", parameters -> parameters.stream()
                            .anyMatch(type -> type.getPackageName().startsWith("org.graalvm.polyglot"))))
            .because("a Value used after its context went back to the pool is a bug waiting to happen");

    @ArchTest
    static final ArchRule only_the_guest_packages_build_contexts = noClasses()
            .that().resideOutsideOfPackage("io.tasker.bridge.guest..")
            .should().callMethod(Context.class, "newBuilder", String[].class)
            .because("every context is built with its allow* switches written out, in one place per language");
}
