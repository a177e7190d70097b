package io.driftwatch.core.prisma.schema;

import java.util.List;

/**
 * The schema could not be read. Carries every problem found, in file and line order, each with its
 * file, line and column; the message shows the first.
 */
public final class PrismaSchemaException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<SchemaProblem> problems;

  public PrismaSchemaException(List<SchemaProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  public List<SchemaProblem> problems() {
    return problems;
  }

  private static String message(List<SchemaProblem> problems) {
    if (problems.isEmpty()) {
      return "invalid Prisma schema";
    }
    String first = problems.get(0).toString();
    return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more)";
  }
}
