package io.driftwatch.core.drift;

import java.util.Objects;

/**
 * One piece of SQL of a drift, with the phase it belongs to in a script. Scripts put steps in phase
 * order, so dropping comes before creating and foreign keys come last, whatever order the drifts
 * were found in.
 *
 * @param rank the object's depth among its kind (a partition below its parent, a view below the
 *     views it reads): creating phases run shallow first, dropping phases deep first
 * @param sql one statement or several, each ending with a semicolon; may start with a comment line
 */
public record Step(Phase phase, int rank, String sql) {

  public Step {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(sql, "sql");
  }

  public static Step of(Phase phase, String sql) {
    return new Step(phase, 0, sql);
  }

  /** The order of a script, with Prisma's section comment for each. */
  public enum Phase {
    CREATE_SCHEMA("CreateSchema", false),
    /** Early: tables and indexes may use an extension's types and operator classes. */
    CREATE_EXTENSION("CreateExtension", false),
    ALTER_EXTENSION("AlterExtension", false),
    /** Before the tables and functions they belong to are dropped. */
    DROP_TRIGGER("DropTrigger", false),
    DROP_VIEW("DropView", true),
    DROP_FOREIGN_KEY("DropForeignKey", false),
    DROP_INDEX("DropIndex", false),
    DROP_CONSTRAINT("AlterTable", false),
    DROP_TABLE("DropTable", true),
    DROP_COLUMN("AlterTable", false),
    /** Once no trigger, default, check or index that uses them is left. */
    DROP_FUNCTION("DropFunction", false),
    /** Once no column default that reads them is left. */
    DROP_SEQUENCE("DropSequence", false),
    CREATE_ENUM("CreateEnum", false),
    ADD_ENUM_VALUE("AlterEnum", false),
    /** Before the tables whose defaults read them. */
    CREATE_SEQUENCE("CreateSequence", false),
    ALTER_SEQUENCE("AlterSequence", false),
    CREATE_TABLE("CreateTable", false),
    ADD_COLUMN("AlterTable", false),
    ALTER_COLUMN("AlterTable", false),
    /**
     * After the tables a function's signature names, before the checks and indexes that call it.
     */
    CREATE_FUNCTION("CreateFunction", false),
    ADD_CONSTRAINT("AddConstraint", false),
    CREATE_INDEX("CreateIndex", false),
    /**
     * After the columns and indexes that use the enum are in their final shape: the recreation
     * converts them.
     */
    RECREATE_ENUM("AlterEnum", false),
    ADD_FOREIGN_KEY("AddForeignKey", false),
    CREATE_VIEW("CreateView", false),
    /** Once their tables, views and functions are there. */
    CREATE_TRIGGER("CreateTrigger", false),
    ALTER_TRIGGER("AlterTable", false),
    /** Last: once no column uses the type any more. */
    DROP_ENUM("DropEnum", false),
    /** After everything that could use it. */
    DROP_EXTENSION("DropExtension", false);

    private final String comment;
    private final boolean deepestFirst;

    Phase(String comment, boolean deepestFirst) {
      this.comment = comment;
      this.deepestFirst = deepestFirst;
    }

    /** The section comment Prisma writes above such a statement, without {@code -- }. */
    public String comment() {
      return comment;
    }

    boolean deepestFirst() {
      return deepestFirst;
    }
  }
}
