package io.driftwatch.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine stays a pure function: no framework reaches into io.driftwatch.core. */
class ArchitectureTest {

  @Test
  void core_imports_no_framework() {
    noClasses()
        .that()
        .resideInAPackage("io.driftwatch.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "jakarta..",
            "io.smallrye..",
            "com.fasterxml.jackson..",
            "io.vertx..",
            "org.hibernate..",
            "org.eclipse.jgit..",
            "java.sql..",
            "io.driftwatch.api..",
            "io.driftwatch.store..",
            "io.driftwatch.database..",
            "io.driftwatch.source..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.driftwatch"));
  }
}
