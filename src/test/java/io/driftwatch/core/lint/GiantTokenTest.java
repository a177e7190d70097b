package io.driftwatch.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.AuditInput;
import io.driftwatch.core.AuditResult;
import io.driftwatch.core.Scenario;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.engine.AuditEngine;
import io.driftwatch.core.engine.PlanInputs;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.plan.DataPresence;
import io.driftwatch.core.plan.ResolutionPlanner;
import io.driftwatch.core.rules.RuleFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A repository writer controls every byte the lint reads: a megabyte-long name, string, body or
 * comment in any place a lint rule's pattern looks at must not overflow the stack (a {@code
 * (?:[^"]|"")+} recursed once per character of a quoted name) nor make a stage quadratic. Each
 * giant token goes into every statement shape the lint rules and the effect reader look at; the
 * script is audited as a pending migration (lint, pre-flight, plan) and as a failed one (the plan's
 * triage), on a thread with the Dockerfile's 512 KiB stack ({@code -Xss512k}). No rule may fail: a
 * rule failure would be turned into a finding, and {@link RuleFailure#TYPE} would hide the
 * overflow.
 */
class GiantTokenTest {

  /** The Dockerfile's -Xss512k: the stack of every thread that audits. */
  private static final long STACK_BYTES = 512 * 1024;

  /** A hang guard, not a timing: a linear pass over these scripts takes seconds. */
  private static final long GUARD_MILLIS = 120_000;

  private static final int MEGABYTE = 1 << 20;

  /**
   * Every statement a lint rule or the effect reader matches, {@code %1$s} where the giant token
   * goes.
   */
  private static final List<String> STATEMENTS =
      List.of(
          "DROP TABLE %1$s",
          "DROP TABLE \"t\", %1$s CASCADE",
          "TRUNCATE %1$s",
          "UPDATE %1$s SET \"a\" = 1",
          "DELETE FROM \"t\" WHERE %1$s",
          "ALTER TABLE %1$s ADD COLUMN \"c\" INTEGER NOT NULL",
          "ALTER TABLE \"t\" ADD COLUMN %1$s INTEGER NOT NULL DEFAULT %1$s",
          "ALTER TABLE \"t\" ADD COLUMN \"c\" TEXT DEFAULT %1$s",
          "ALTER TABLE \"t\" ADD %1$s",
          "ALTER TABLE \"t\" DROP COLUMN %1$s",
          "ALTER TABLE \"t\" ALTER COLUMN %1$s TYPE TEXT",
          "ALTER TABLE \"t\" ALTER COLUMN %1$s SET NOT NULL",
          "ALTER TABLE \"t\" ADD CONSTRAINT %1$s FOREIGN KEY (\"a\") REFERENCES %1$s(\"id\")",
          "ALTER TABLE %1$s RENAME COLUMN %1$s TO \"b\"",
          "ALTER TABLE \"t\" RENAME TO %1$s",
          "ALTER TYPE %1$s RENAME TO %1$s",
          "DROP TYPE %1$s",
          "CREATE INDEX %1$s ON %1$s(\"a\")",
          "CREATE UNIQUE INDEX CONCURRENTLY \"i\" ON \"t\"(%1$s)",
          "INSERT INTO %1$s (\"a\") VALUES (%1$s)",
          "CREATE TABLE %1$s (%1$s TEXT, CONSTRAINT \"p\" PRIMARY KEY (\"id\"))",
          "CREATE TYPE %1$s AS ENUM (%1$s)",
          "ALTER TYPE \"e\" ADD VALUE %1$s",
          "SET lock_timeout = %1$s",
          "SELECT set_config(%1$s, '5s', false)",
          "BEGIN",
          "%1$s",
          "COMMIT",
          "ALTER TABLE \"t\" ADD COLUMN \"late\" INTEGER NOT NULL");

  static Stream<Arguments> giantTokens() {
    return Stream.of(
        token("a quoted identifier", "\"" + "x".repeat(MEGABYTE) + "\""),
        token("a quoted identifier of doubled quotes", "\"" + "x\"\"".repeat(MEGABYTE / 3) + "\""),
        token("a quoted identifier of spaces", "\"a" + " ".repeat(MEGABYTE) + "b\""),
        token("an unterminated quoted identifier", "\"" + "x".repeat(MEGABYTE)),
        token("an unquoted identifier", "a".repeat(MEGABYTE)),
        token("a string literal", "'" + "x".repeat(MEGABYTE) + "'"),
        token("a string literal of doubled quotes", "'" + "x''".repeat(MEGABYTE / 3) + "'"),
        token("an escape string", "E'" + "\\'x".repeat(MEGABYTE / 3) + "'"),
        token("a dollar-quoted body", "$$" + "x;".repeat(MEGABYTE / 2) + "$$"),
        token("a tagged dollar-quoted body", "$body$" + "$x$;".repeat(MEGABYTE / 4) + "$body$"),
        token("a block comment", "/*" + "x".repeat(MEGABYTE) + "*/ \"n\""),
        token(
            "nested block comments",
            "/*".repeat(MEGABYTE / 4) + "*/".repeat(MEGABYTE / 4) + " \"n\""),
        token("a line comment", "-- " + "x".repeat(MEGABYTE) + "\n\"n\""),
        token("a number", "1".repeat(MEGABYTE)),
        token("a run of spaces", " ".repeat(MEGABYTE) + "\"n\""),
        token("nested parentheses", "(".repeat(MEGABYTE / 2) + ")".repeat(MEGABYTE / 2)),
        token("a run of DEFAULTs", "DEFAULT ".repeat(MEGABYTE / 8)),
        token("a run of names and dots", "a . ".repeat(MEGABYTE / 4) + "b"));
  }

  private static Arguments token(String description, String token) {
    return Arguments.of(description, token);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("giantTokens")
  void a_giant_token_in_any_statement_is_judged_like_a_small_one(String description, String token)
      throws Exception {
    List<String> statements = new ArrayList<>();
    for (String statement : STATEMENTS) {
      statements.add(String.format(statement, token));
    }
    // One statement per migration: each gets the whole lint, and the unclosed constructs do not
    // swallow the rest.
    List<Finding> findings = onAuditThread(() -> auditPending(statements));
    assertThat(
            findings.stream()
                .filter(finding -> finding.type().equals(RuleFailure.TYPE))
                .map(
                    finding ->
                        finding.message().substring(0, Math.min(300, finding.message().length()))))
        .as("every rule ran on %s", description)
        .isEmpty();
    assertThat(findings).as("the lint ran and found the statements that follow").isNotEmpty();

    List<Finding> failed = onAuditThread(() -> planFailed(String.join(";\n", statements) + ";"));
    assertThat(
            failed.stream()
                .filter(finding -> finding.type().equals(RuleFailure.TYPE))
                .map(Finding::code))
        .as("every rule ran on %s in a failed migration", description)
        .isEmpty();
  }

  private static List<Finding> auditPending(List<String> statements) {
    Scenario scenario =
        Scenario.create()
            .migration("20240101000000_init")
            .deployed("20240101000000_init")
            .liveCatalog(liveCatalog());
    for (int i = 0; i < statements.size(); i++) {
      scenario.migration(String.format("2024020100%04d_giant", i), statements.get(i) + ";\n");
    }
    AuditInput input = scenario.input();
    AuditResult result = new AuditEngine().audit(input);
    new ResolutionPlanner()
        .plan(PlanInputs.of(input, result, DataPresence.estimated(input.target().rowEstimates())));
    return result.findings();
  }

  private static List<Finding> planFailed(String script) {
    Scenario scenario =
        Scenario.create()
            .migration("20240101000000_init")
            .deployed("20240101000000_init")
            .migration("20240201000000_giant", script)
            .failed("20240201000000_giant", "ERROR: syntax error")
            .liveCatalog(liveCatalog());
    AuditInput input = scenario.input();
    AuditResult result = new AuditEngine().audit(input);
    new ResolutionPlanner()
        .plan(PlanInputs.of(input, result, DataPresence.estimated(input.target().rowEstimates())));
    return result.findings();
  }

  private static Catalog liveCatalog() {
    Table table =
        new Table(
            QualifiedName.of("public", "t"),
            List.of(Column.of("a", "integer", true)),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty());
    return new Catalog(
        16, List.of("public"), List.of(table), List.of(), List.of(), List.of(), List.of());
  }

  /**
   * Runs the work on a thread with the service's stack size; whatever it throws is the test's
   * failure.
   */
  private static <T> T onAuditThread(Callable<T> work) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                result.set(work.call());
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "audit-with-512k-stack",
            STACK_BYTES);
    thread.start();
    thread.join(GUARD_MILLIS);
    if (thread.isAlive()) {
      thread.interrupt();
      throw new AssertionError(
          "still running after " + GUARD_MILLIS + " ms: a stage is not linear in the token");
    }
    if (failure.get() != null) {
      throw new AssertionError("the audit failed: " + failure.get(), failure.get());
    }
    return result.get();
  }
}
