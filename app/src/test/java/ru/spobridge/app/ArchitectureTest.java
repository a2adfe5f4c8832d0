package ru.spobridge.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import org.apache.camel.builder.BuilderSupport;
import org.apache.camel.builder.ExpressionClause;
import org.apache.camel.model.ProcessorDefinition;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module layering of ARCHITECTURE.md, as a test: model ← mappings ← connectors ← routes ← app; simulators apart. */
class ArchitectureTest {

    private static JavaClasses hub;

    @BeforeAll
    static void importClasses() {
        hub = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("ru.spobridge");
    }

    @Test
    void model_depends_on_no_other_module() {
        noClasses().that().resideInAPackage("ru.spobridge.model..")
                .should().dependOnClassesThat().resideInAnyPackage("ru.spobridge.mappings..", "ru.spobridge.connectors..",
                        "ru.spobridge.routes..", "ru.spobridge.app..", "ru.spobridge.simulators..", "org.springframework..", "org.apache.camel..")
                .check(hub);
    }

    @Test
    void mappings_are_pure_and_depend_only_on_the_model() {
        noClasses().that().resideInAPackage("ru.spobridge.mappings..")
                .should().dependOnClassesThat().resideInAnyPackage("ru.spobridge.connectors..", "ru.spobridge.routes..",
                        "ru.spobridge.app..", "ru.spobridge.simulators..", "org.springframework..", "org.apache.camel..",
                        "java.net..", "java.sql..", "java.nio.file..")
                .check(hub);
    }

    @Test
    void mappings_read_text_they_are_given_never_files() {
        noClasses().that().resideInAPackage("ru.spobridge.mappings..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileWriter")
                .check(hub);
    }

    @Test
    void connectors_know_protocols_not_routes_or_the_app() {
        noClasses().that().resideInAPackage("ru.spobridge.connectors..")
                .should().dependOnClassesThat().resideInAnyPackage("ru.spobridge.routes..", "ru.spobridge.app..", "ru.spobridge.simulators..")
                .check(hub);
    }

    @Test
    void routes_do_not_reach_into_the_app_or_the_simulators() {
        noClasses().that().resideInAPackage("ru.spobridge.routes..")
                .should().dependOnClassesThat().resideInAnyPackage("ru.spobridge.app..", "ru.spobridge.simulators..")
                .check(hub);
    }

    private static final List<String> FLOWS = List.of("contingent", "staff", "schedule", "marks");

    @Test
    void a_flow_never_reaches_into_another_flow() {
        for (String flow : FLOWS) {
            String[] others = FLOWS.stream().filter(other -> !other.equals(flow)).map(other -> "ru.spobridge.routes." + other + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("ru.spobridge.routes." + flow + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("a flow plugs into the kernel (routes.flow) and never depends on another flow")
                    .check(hub);
        }
    }

    @Test
    void the_kernel_knows_no_flow() {
        noClasses().that().resideInAnyPackage("ru.spobridge.routes.flow..", "ru.spobridge.routes.delivery..", "ru.spobridge.routes.store..",
                        "ru.spobridge.routes.replay..", "ru.spobridge.routes.config..")
                .should().dependOnClassesThat().resideInAnyPackage(FLOWS.stream().map(flow -> "ru.spobridge.routes." + flow + "..")
                        .toArray(String[]::new))
                .because("flows plug into the kernel through its interfaces")
                .check(hub);
    }

    @Test
    void routes_call_their_steps_typed_never_a_bean_method_by_its_name() {
        noClasses().that().resideInAPackage("ru.spobridge..")
                .should().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.nameMatching("bean|method"))
                        .and(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                                JavaClass.Predicates.assignableTo(ProcessorDefinition.class).or(JavaClass.Predicates.assignableTo(BuilderSupport.class))
                                        .or(JavaClass.Predicates.assignableTo(ExpressionClause.class))))))
                .because("a step named by a string breaks only at run time when it is renamed")
                .check(hub);
    }

    @Test
    void simulators_know_nothing_of_the_hub() {
        noClasses().that().resideInAPackage("ru.spobridge.simulators..")
                .should().dependOnClassesThat().resideInAnyPackage("ru.spobridge.model..", "ru.spobridge.mappings..",
                        "ru.spobridge.connectors..", "ru.spobridge.routes..", "ru.spobridge.app..")
                .check(hub);
    }

    @Test
    void the_app_uses_the_simulators_only_through_their_auto_configuration() {
        noClasses().that().resideInAPackage("ru.spobridge.app..")
                .should().dependOnClassesThat().resideInAnyPackage("ru.spobridge.simulators..")
                .check(hub);
    }
}
