package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.dialect.mysql.MySqlSql;
import io.driftwatch.core.dialect.postgres.PostgresSql;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.lint.MigrationLint;
import io.driftwatch.core.sql.SplitProblem;
import io.driftwatch.core.sql.SqlStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one lint rule over a script and checks the shape every finding must have: its own type, the
 * migration, the line a statement of the script begins on, and a help that quotes the exact SQL or
 * prisma command to run.
 */
final class LintCheck {

  static final String MIGRATION = "20240101000000_change";
  private static final Pattern LINE = Pattern.compile("^Line (\\d+)\\b");

  /**
   * A quoted command or SQL, a prisma command, a schema.prisma attribute or SQL statements named by
   * keyword.
   */
  private static final Pattern COMMAND_OR_SQL =
      Pattern.compile(
          "`[^`]+`|prisma [a-z]+|@@?map\\(|\\b(BEGIN|COMMIT|SAVEPOINT|ROLLBACK|ALTER|DROP|CREATE)\\b");

  private LintCheck() {}

  /** Lints a script whose tables are all of unknown size. */
  static List<Finding> run(LintRule rule, String sql) {
    return run(rule, sql, Map.of());
  }

  static List<Finding> run(LintRule rule, String sql, Map<String, Long> rowEstimates) {
    return run(rule, sql, rowEstimates, PostgresSql.INSTANCE);
  }

  /** Lints a script written for MySQL (read with MySQL's lexicon and grammar). */
  static List<Finding> runMySql(LintRule rule, String sql, Map<String, Long> rowEstimates) {
    assertThat(rule.speaks(MySqlSql.INSTANCE)).as("the rule speaks of MySQL").isTrue();
    return run(rule, sql, rowEstimates, MySqlSql.INSTANCE);
  }

  static List<Finding> run(
      LintRule rule, String sql, Map<String, Long> rowEstimates, SqlDialect dialect) {
    LintContext context = LintContext.of(new MigrationLint(MIGRATION, sql, rowEstimates), dialect);
    List<Finding> findings = rule.check(context);
    Set<Integer> statementLines =
        Stream.concat(
                context.statements().stream().map(SqlStatement::line),
                context.problems().stream().map(SplitProblem::line))
            .collect(Collectors.toSet());
    List<String> lines = sql.lines().toList();
    for (Finding finding : findings) {
      assertThat(finding.type())
          .as(
              "a rule reports only its own type; %s reported %s",
              rule.getClass().getSimpleName(), finding.code())
          .isEqualTo(rule.type());
      assertThat(finding.migration()).as("the finding names the migration").isEqualTo(MIGRATION);
      Matcher line = LINE.matcher(finding.message());
      assertThat(line.find())
          .as(
              "message of %s opens with the statement's line: %s",
              finding.code(), finding.message())
          .isTrue();
      int number = Integer.parseInt(line.group(1));
      assertThat(statementLines)
          .as("%s names line %d, where no statement of the script begins", finding.code(), number)
          .contains(number);
      assertThat(lines.get(number - 1).strip())
          .as("line %d of the script, named by %s", number, finding.code())
          .isNotEmpty()
          .doesNotStartWith("--");
      assertThat(finding.help()).as("help of %s must say what to do", finding.code()).isNotBlank();
      assertThat(finding.help())
          .as("help of %s must name the SQL or prisma command to run", finding.code())
          .containsPattern(COMMAND_OR_SQL);
    }
    return findings;
  }
}
