package io.driftwatch.testing;

import java.io.IOException;

/**
 * What the alert tests start from: a Prisma-managed database that took a hotfix its migrations
 * folder lacks (one HI002 PHANTOM_MIGRATION, an error), the folder, and a {@link FakeSlack} to
 * alert.
 */
public record AlertScene(TargetDatabase target, PrismaFolder folder, FakeSlack slack)
    implements AutoCloseable {

  public static final String INIT = "20240101000000_init";
  public static final String INIT_SQL = "CREATE TABLE \"a\" (\"id\" TEXT);\n";
  public static final String PHANTOM = "20240102000000_hotfix";

  public static AlertScene start() throws IOException {
    TargetDatabase target = TargetDatabase.create().managedByPrisma();
    target.deploy(INIT, INIT_SQL).deploy(PHANTOM, "SELECT 1;");
    return new AlertScene(
        target, PrismaFolder.create().migration(INIT, INIT_SQL), FakeSlack.start());
  }

  @Override
  public void close() {
    slack.close();
    target.close();
    folder.close();
  }
}
