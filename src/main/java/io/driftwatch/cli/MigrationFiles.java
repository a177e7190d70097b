package io.driftwatch.cli;

/**
 * Where a migration's script is, as the pipeline's checkout names it: the path annotations and
 * SARIF results point at, relative to the repository's root.
 *
 * @param folder the migrations folder relative to the checkout, with a trailing slash; empty for
 *     the checkout's root
 */
record MigrationFiles(String folder) {

  MigrationFiles {
    folder = folder.replace('\\', '/');
    if (!folder.isEmpty() && !folder.endsWith("/")) {
      folder = folder + "/";
    }
    if (folder.startsWith("./")) {
      folder = folder.substring(2);
    }
  }

  String script(String migration) {
    return folder + migration + "/migration.sql";
  }
}
