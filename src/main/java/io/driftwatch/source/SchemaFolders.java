package io.driftwatch.source;

/**
 * What a source leaves out when it reads the .prisma files beside Prisma's default schema.prisma.
 */
public final class SchemaFolders {

  private SchemaFolders() {}

  /**
   * Dependencies and hidden folders ({@code node_modules}, {@code .git}, {@code .cache}…) hold no
   * part of the schema.
   */
  public static boolean leftOutBesideDefault(String folderName) {
    return folderName.equals("node_modules") || folderName.startsWith(".");
  }
}
