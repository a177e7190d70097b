package io.driftwatch.core.lint;

import io.driftwatch.core.rules.support.AlterTable;
import java.util.Optional;
import io.driftwatch.core.rules.support.SqlCode;
import io.driftwatch.core.sql.SplitProblem;
import io.driftwatch.core.sql.SplitResult;
import io.driftwatch.core.sql.SqlScript;
import io.driftwatch.core.sql.SqlStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a lint rule sees of one migration: its split statements, what the splitter could not read,
 * and the row estimates of the live tables.
 */
public final class LintContext {

  private static final Pattern CREATE_TABLE = Pattern.compile(
      "^\\s*CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?("
          + SqlCode.QUALIFIED_NAME + ")",
      Pattern.CASE_INSENSITIVE);

  private final String migration;
  private final List<SqlStatement> statements;
  private final List<SplitProblem> problems;
  private final Map<String, Long> rowEstimates;
  /** Keys of the tables the migration creates, read once: rules ask for every statement. */
  private final Set<String> createdTables;
  /** Each statement's masked text and ALTER TABLE reading, made once for all rules (they are the cost). */
  private final Map<SqlStatement, String> code = new java.util.IdentityHashMap<>();
  private final Map<SqlStatement, Optional<AlterTable>> alterTables = new java.util.IdentityHashMap<>();

  /**
   * @param rowEstimates estimated rows by table name as the catalog stores it (see {@link MigrationLint})
   */
  public LintContext(
      String migration, List<SqlStatement> statements, List<SplitProblem> problems, Map<String, Long> rowEstimates) {
    this.migration = Objects.requireNonNull(migration, "migration");
    this.statements = List.copyOf(statements);
    this.problems = List.copyOf(problems);
    Map<String, Long> byKey = new HashMap<>();
    rowEstimates.forEach((table, rows) -> byKey.put(SqlCode.catalogKey(table), rows));
    this.rowEstimates = Map.copyOf(byKey);
    this.createdTables = this.statements.stream()
        .filter(statement -> statement.is("CREATE"))
        .map(statement -> CREATE_TABLE.matcher(code(statement)))
        .filter(Matcher::find)
        .map(m -> SqlCode.sqlKey(m.group(1)))
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The statement's text with literals and comments blanked (see {@link SqlCode#mask}), made once. */
  public String code(SqlStatement statement) {
    return code.computeIfAbsent(statement, SqlCode::code);
  }

  /** The statement read as an ALTER TABLE, made once; empty when it is something else. */
  public Optional<AlterTable> alterTable(SqlStatement statement) {
    return alterTables.computeIfAbsent(statement, AlterTable::of);
  }

  /** One action of an ALTER TABLE that a rule looks for: its statement, its table, and the match. */
  public record AlterAction(SqlStatement statement, String table, Matcher match) {}

  /**
   * Every action of every ALTER TABLE that matches {@code action} (its {@code find}), on the tables
   * the migration does not create itself: the walk several rules share.
   */
  public List<AlterAction> alterActions(Pattern action) {
    List<AlterAction> found = new java.util.ArrayList<>();
    for (SqlStatement statement : statements) {
      Optional<AlterTable> alter = alterTable(statement);
      if (alter.isEmpty() || createsTable(alter.get().table())) {
        continue;
      }
      for (String text : alter.get().actions()) {
        Matcher match = action.matcher(text);
        if (match.find()) {
          found.add(new AlterAction(statement, alter.get().table(), match));
        }
      }
    }
    return found;
  }

  public String migration() {
    return migration;
  }

  /** The statements of the script, in order. */
  public List<SqlStatement> statements() {
    return statements;
  }

  /** What the splitter could not read; the last statement is then unparsed. */
  public List<SplitProblem> problems() {
    return problems;
  }

  /** Estimated rows by table, keyed without the {@code public} schema. */
  public Map<String, Long> rowEstimates() {
    return rowEstimates;
  }

  /** Splits the migration's script. */
  public static LintContext of(MigrationLint lint) {
    SplitResult split = SqlScript.split(lint.script());
    return new LintContext(lint.migration(), split.statements(), split.problems(), lint.rowEstimates());
  }

  /**
   * True when Prisma runs the script inside one transaction: it sends the whole migration.sql at
   * once, which PostgreSQL runs as one implicit transaction unless it holds a single statement.
   */
  public boolean runsInTransaction() {
    return statements.size() > 1;
  }

  /**
   * The estimated rows of a table named as in SQL ({@code "User"}, {@code public."User"}), if known.
   * A negative estimate ({@code reltuples = -1}: never vacuumed or analyzed) is unknown, not empty.
   */
  public OptionalLong rowEstimate(String sqlName) {
    Long rows = rowEstimates.get(SqlCode.sqlKey(sqlName));
    return rows == null || rows < 0 ? OptionalLong.empty() : OptionalLong.of(rows);
  }

  /** True when the live table is known to be empty: locking or rewriting it costs nothing. */
  public boolean knownEmpty(String sqlName) {
    OptionalLong rows = rowEstimate(sqlName);
    return rows.isPresent() && rows.getAsLong() == 0;
  }

  /** How big the table is, for messages: {@code  (about 12,000 rows)}, or nothing when unknown. */
  public String rowsNote(String sqlName) {
    OptionalLong rows = rowEstimate(sqlName);
    return rows.isPresent() ? String.format(java.util.Locale.ROOT, " (about %,d rows)", rows.getAsLong()) : "";
  }

  /** True when this migration creates the table: nobody else uses it yet, so locks and rewrites are free. */
  public boolean createsTable(String sqlName) {
    return createdTables.contains(SqlCode.sqlKey(sqlName));
  }

  /** True when the table is new or known to be empty. */
  public boolean isNewOrEmpty(String sqlName) {
    return createsTable(sqlName) || knownEmpty(sqlName);
  }
}
