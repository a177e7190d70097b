package io.driftwatch.source.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.history.FolderMigration;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.testing.GitRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.Test;

/**
 * Tree entries that are not files: JGit hands back a link's target path as the blob, and a gitlink
 * names a commit of another repository. Neither is a script, a lock file or a schema file.
 */
class GitTreeEntriesTest {

  private static final GitMigrationSource.Limits LIMITS =
      new GitMigrationSource.Limits(1 << 20, 1 << 24, 1000, Duration.ofSeconds(5));

  @Test
  void links_and_submodules_are_never_read_as_scripts_lock_files_or_schema() throws Exception {
    Path cache = Files.createTempDirectory("dw-mirrors");
    try (GitRepo repo = GitRepo.create()) {
      Repository repository = repo.repository();
      try (ObjectInserter insert = repository.newObjectInserter()) {
        ObjectId script = blob(insert, "SELECT 1;\n");
        ObjectId someCommit = ObjectId.fromString("0123456789abcdef0123456789abcdef01234567");

        TreeFormatter init = new TreeFormatter();
        init.append("migration.sql", FileMode.REGULAR_FILE, script);
        TreeFormatter linked = new TreeFormatter();
        linked.append("migration.sql", FileMode.SYMLINK, blob(insert, "/etc/passwd"));
        TreeFormatter submodule = new TreeFormatter();
        submodule.append("migration.sql", FileMode.GITLINK, someCommit);

        TreeFormatter migrations = new TreeFormatter();
        migrations.append("20240101000000_init", FileMode.TREE, insert.insert(init));
        migrations.append("20240102000000_linked", FileMode.TREE, insert.insert(linked));
        migrations.append("20240103000000_submodule", FileMode.TREE, insert.insert(submodule));
        migrations.append("20240104000000_gitlink_dir", FileMode.GITLINK, someCommit);
        migrations.append("20240105000000_link_dir", FileMode.SYMLINK, blob(insert, "/etc"));
        migrations.append("migration_lock.toml", FileMode.SYMLINK, blob(insert, "/etc/hostname"));

        TreeFormatter prisma = new TreeFormatter();
        prisma.append("migrations", FileMode.TREE, insert.insert(migrations));
        prisma.append("schema.prisma", FileMode.SYMLINK, blob(insert, "/etc/passwd"));
        TreeFormatter schemaFolder = new TreeFormatter();
        schemaFolder.append("linked.prisma", FileMode.SYMLINK, blob(insert, "/etc/passwd"));
        schemaFolder.append("main.prisma", FileMode.REGULAR_FILE, blob(insert, "datasource db {}"));
        schemaFolder.append("sub.prisma", FileMode.GITLINK, someCommit);
        prisma.append("schema", FileMode.TREE, insert.insert(schemaFolder));
        TreeFormatter top = new TreeFormatter();
        top.append("prisma", FileMode.TREE, insert.insert(prisma));

        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(insert.insert(top));
        PersonIdent mallory = new PersonIdent("Mallory", "mallory@example.com");
        commit.setAuthor(mallory);
        commit.setCommitter(mallory);
        commit.setMessage("Hostile entries");
        ObjectId id = insert.insert(commit);
        insert.flush();
        RefUpdate update = repository.updateRef(Constants.R_HEADS + "main");
        update.setNewObjectId(id);
        update.forceUpdate();
      }
      GitMirrors mirrors =
          new GitMirrors(cache, Duration.ZERO, Duration.ofSeconds(30), Clock.systemUTC());

      SourceSnapshot snapshot;
      SourceSnapshot linkedSchema;
      try (GitMigrationSource source =
              new GitMigrationSource(
                  new GitSourceSpec(repo.url(), "main", "prisma", null, null),
                  null,
                  mirrors,
                  LIMITS);
          GitMigrationSource schemaFile =
              new GitMigrationSource(
                  new GitSourceSpec(repo.url(), "main", "prisma", null, "schema.prisma"),
                  null,
                  mirrors,
                  LIMITS)) {
        snapshot = source.read();
        linkedSchema = schemaFile.read();
      }

      assertThat(snapshot.migrations())
          .extracting(FolderMigration::name)
          .containsExactly(
              "20240101000000_init", "20240102000000_linked", "20240103000000_submodule");
      assertThat(snapshot.migrations().get(1).unreadable())
          .hasValueSatisfying(reason -> assertThat(reason).contains("symbolic link"));
      assertThat(snapshot.migrations().get(2).unreadable())
          .hasValueSatisfying(reason -> assertThat(reason).contains("submodule"));
      assertThat(snapshot.lockProvider()).isEmpty();
      // The linked schema.prisma is passed over for the schema/ folder, whose link and submodule
      // are skipped.
      assertThat(snapshot.schemaFiles()).containsOnlyKeys("main.prisma");
      assertThat(linkedSchema.schemaFiles()).isEmpty();
      // Commands name the folders as the repository has them: here the schema folder, which Prisma
      // needs told.
      assertThat(snapshot.paths())
          .isEqualTo(new ProjectPaths("prisma/migrations", "prisma/schema"));
      assertThat(snapshot.paths().deploy())
          .isEqualTo("npx prisma migrate deploy --schema prisma/schema");
      assertThat(linkedSchema.paths().schema()).isEqualTo("prisma/schema.prisma");
    } finally {
      FileUtils.delete(cache.toFile(), FileUtils.RECURSIVE);
    }
  }

  private static ObjectId blob(ObjectInserter insert, String content) throws IOException {
    return insert.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8));
  }
}
