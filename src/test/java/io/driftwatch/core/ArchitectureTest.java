package io.driftwatch.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine stays a pure function: no framework reaches into io.driftwatch.core. No package
 * depends on itself through another.
 */
class ArchitectureTest {

  @Test
  void no_package_depends_on_itself_through_another() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.driftwatch");
    slices().matching("io.driftwatch.(**)").should().beFreeOfCycles().check(classes);
  }

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

  /** The planner reads what it plans from (PlanInput), never the audit's own records. */
  @Test
  void the_planner_never_sees_the_audit_records() {
    noClasses()
        .that()
        .resideInAPackage("io.driftwatch.core.plan..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.driftwatch.core.AuditInput")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.driftwatch.core.AuditResult")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("io.driftwatch.core.engine..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.driftwatch"));
  }

  /**
   * The audit reaches a database's adapters through the ports in {@code database} (readers, pools,
   * shadow replays), and the engine's SQL through the dialect: PostgreSQL's classes are chosen at
   * the edges, so a second database is a second set of adapters.
   */
  @Test
  void the_audit_and_the_plan_reach_postgresql_only_through_ports() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.driftwatch.audit..", "io.driftwatch.core.plan..", "io.driftwatch.core.drift..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.driftwatch.shadow..",
            "io.driftwatch.database.postgres..",
            "io.driftwatch.core.dialect.postgres..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.driftwatch"));
  }

  /** The API serves its own records, never a stored row: the store's format can change alone. */
  @Test
  void the_api_serves_no_stored_row() {
    noClasses()
        .that()
        .resideInAPackage("io.driftwatch.api..")
        .should()
        .dependOnClassesThat()
        .areAnnotatedWith(jakarta.persistence.Entity.class)
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.driftwatch"));
  }

  /**
   * SQL is sent only from the store, the database adapters and the shadow server: everything else
   * asks them. ({@code java.sql} exceptions, which Quartz and the JDBC store throw, may be caught
   * anywhere.)
   */
  @Test
  void only_the_store_and_the_database_adapters_speak_to_a_database() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "io.driftwatch.store..", "io.driftwatch.database..", "io.driftwatch.shadow..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.vertx.sqlclient..",
            "io.vertx.mutiny.sqlclient..",
            "io.vertx.pgclient..",
            "io.vertx.mutiny.pgclient..",
            "io.vertx.mysqlclient..",
            "io.vertx.mutiny.mysqlclient..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.driftwatch"));
  }
}
