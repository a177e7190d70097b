package io.driftwatch.core.lint;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.dialect.postgres.PostgresSql;
import io.driftwatch.core.effect.DataLoss;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.ScriptReading;
import io.driftwatch.core.effect.StatementEffects;
import io.driftwatch.core.effect.StatementTrait;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.sql.SplitProblem;
import io.driftwatch.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a lint rule sees of one migration: its split statements, each read as effects ({@link
 * StatementEffects}) once when a rule first asks, what the splitter could not read, and the row
 * estimates of the live tables. A rule reads effects and traits, never the statements' text.
 *
 * <p>At most {@link #MAX_STATEMENTS} statements of a script are linted: each one kept costs about a
 * hundred bytes (ten times a {@code SELECT 1;}) and may give a finding of several hundred, so a
 * script of a million one-line statements would cost the heap of the whole service. The rest are
 * counted, not read, and a finding says so.
 */
public final class LintContext {

  /** The statements of one migration the lint reads: far more than any schema change holds. */
  public static final int MAX_STATEMENTS = StatementEffects.MAX_STATEMENTS;

  private final String migration;

  /** Where the source's migrations and schema are, for the commands findings give. */
  private final ProjectPaths paths;

  /**
   * The split script, each statement's effects and traits read once for all rules when a rule first
   * asks (the lint reads the statements its rules look at, not every column of every table a
   * migration creates), and shared with the pre-flight when the migration is pending.
   */
  private final ScriptReading reading;

  private final TableRows rowEstimates;

  private final SqlDialect dialect;

  /** {@link #effectsOf} by leading words: several rules ask for the same statements. */
  private final Map<String, List<Effect>> effectsByHead = new HashMap<>();

  /** See {@link #losses()}: null until a rule first asks. */
  private List<Effect> losses;

  /** The tables the migration creates, read once: rules ask for every statement. */
  private final Set<QualifiedName> createdTables;

  /** {@link #rowsNote} by table, formatted once: most findings quote it. */
  private final Map<QualifiedName, String> rowsNotes = new HashMap<>();

  /**
   * @param rowEstimates estimated rows by table name as the catalog stores it (see {@link
   *     MigrationLint})
   */
  public LintContext(
      String migration,
      List<SqlStatement> statements,
      List<SplitProblem> problems,
      Map<String, Long> rowEstimates) {
    this(
        migration,
        new ScriptReading(statements, problems, statements.size(), new StatementEffects("public")),
        TableRows.of(rowEstimates),
        ProjectPaths.DEFAULT);
  }

  /**
   * @param reading the migration's script, split (its first {@link #MAX_STATEMENTS} statements)
   * @param rowEstimates the live tables' estimates, made once for every migration of an audit
   * @param paths where the source's migrations and schema are
   */
  public LintContext(
      String migration, ScriptReading reading, TableRows rowEstimates, ProjectPaths paths) {
    this(migration, reading, rowEstimates, paths, PostgresSql.INSTANCE);
  }

  /**
   * @param dialect the database the migration is for: rules word their findings in its terms, and
   *     some speak of one database only ({@link io.driftwatch.core.rules.LintRule#speaks})
   */
  public LintContext(
      String migration,
      ScriptReading reading,
      TableRows rowEstimates,
      ProjectPaths paths,
      SqlDialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.migration = Objects.requireNonNull(migration, "migration");
    this.reading = Objects.requireNonNull(reading, "reading");
    this.paths = Objects.requireNonNull(paths, "paths");
    this.rowEstimates = Objects.requireNonNull(rowEstimates, "rowEstimates");
    this.createdTables =
        reading.statements().stream()
            .map(reading::tableCreated)
            .flatMap(Optional::stream)
            .collect(Collectors.toUnmodifiableSet());
  }

  /** The effects of one statement, read once: what a rule reads instead of its text. */
  public List<Effect> effects(SqlStatement statement) {
    return reading.effects(statement);
  }

  /** How the statement runs: CONCURRENTLY, setting lock_timeout ({@link StatementTrait}). */
  public Set<StatementTrait> traits(SqlStatement statement) {
    return reading.traits(statement);
  }

  /**
   * The effects of the statements starting with these words ({@code "ALTER", "TABLE"}), in order:
   * the others are not read.
   */
  public List<Effect> effectsOf(String... leadingWords) {
    return effectsByHead.computeIfAbsent(
        String.join(" ", leadingWords),
        ignored -> {
          List<Effect> found = new ArrayList<>();
          for (SqlStatement statement : reading.statements()) {
            if (statement.is(leadingWords)) {
              found.addAll(effects(statement));
            }
          }
          return List.copyOf(found);
        });
  }

  /**
   * The effects that lose the data of a table holding rows, or that may ({@link DataLoss}): those
   * on tables the migration creates are left out.
   */
  public List<Effect> losing(DataLoss... losses) {
    Set<DataLoss> wanted = EnumSet.copyOf(Arrays.asList(losses));
    List<Effect> losing = new ArrayList<>();
    for (Effect effect : losses()) {
      if (wanted.contains(DataLoss.of(effect).orElseThrow())) {
        losing.add(effect);
      }
    }
    return losing;
  }

  /** Every effect that loses data of a table the migration does not create, read once. */
  private List<Effect> losses() {
    if (losses == null) {
      List<Effect> found = new ArrayList<>();
      for (SqlStatement statement : reading.statements()) {
        if (!DataLoss.mayComeOf(statement)) {
          continue;
        }
        for (Effect effect : effects(statement)) {
          if (DataLoss.of(effect).isPresent() && !createsTable(effect.object().name())) {
            found.add(effect);
          }
        }
      }
      losses = List.copyOf(found);
    }
    return losses;
  }

  public String migration() {
    return migration;
  }

  /** The statements of the script, in order: its first {@link #MAX_STATEMENTS}. */
  public List<SqlStatement> statements() {
    return reading.statements();
  }

  /** What the splitter could not read; the last statement is then unparsed. */
  public List<SplitProblem> problems() {
    return reading.problems();
  }

  /** Splits the migration's script, keeping its first {@link #MAX_STATEMENTS} statements. */
  public static LintContext of(MigrationLint lint) {
    return of(lint, PostgresSql.INSTANCE);
  }

  /** As {@link #of(MigrationLint)}, the script written for this database. */
  public static LintContext of(MigrationLint lint, SqlDialect dialect) {
    return new LintContext(
        lint.migration(),
        ScriptReading.of(lint.script(), dialect.lexicon(), dialect.effects("public")),
        TableRows.of(lint.rowEstimates()),
        ProjectPaths.DEFAULT,
        dialect);
  }

  /** The database the migration is for. */
  public SqlDialect dialect() {
    return dialect;
  }

  /** Where the source's migrations folder and schema are, for the commands findings give. */
  public ProjectPaths paths() {
    return paths;
  }

  /**
   * The statements of the whole script: more than {@link #statements()} when it holds over {@link
   * #MAX_STATEMENTS}.
   */
  public int statementCount() {
    return reading.statementCount();
  }

  /**
   * True when Prisma runs the script inside one transaction: it sends the whole migration.sql at
   * once, which PostgreSQL runs as one implicit transaction unless it holds a single statement.
   */
  public boolean runsInTransaction() {
    return reading.statementCount() > 1;
  }

  /** The estimated rows of a table, if known ({@link TableRows#of(QualifiedName)}). */
  public OptionalLong rowEstimate(QualifiedName table) {
    return rowEstimates.of(table);
  }

  /** True when the table holds rows by its estimate. */
  public boolean hasRows(QualifiedName table) {
    return rowEstimate(table).orElse(0) > 0;
  }

  /** True when the live table is known to be empty: as {@link #knownEmpty(String)}. */
  public boolean knownEmpty(QualifiedName table) {
    OptionalLong rows = rowEstimate(table);
    return rows.isPresent() && rows.getAsLong() == 0;
  }

  /** True when the table is new or known to be empty. */
  public boolean isNewOrEmpty(QualifiedName table) {
    return createsTable(table) || knownEmpty(table);
  }

  /** True when this migration creates the table. */
  public boolean createsTable(QualifiedName table) {
    return createdTables.contains(table);
  }

  /** As {@link #rowsNote(String)}: {@code (about 12,000 rows)}, or nothing when unknown. */
  public String rowsNote(QualifiedName table) {
    return rowsNotes.computeIfAbsent(table, ignored -> note(rowEstimate(table)));
  }

  private static String note(OptionalLong rows) {
    return rows.isPresent()
        ? String.format(Locale.ROOT, " (about %,d rows)", rows.getAsLong())
        : "";
  }
}
