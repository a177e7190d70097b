package io.driftwatch.source;

/**
 * A project uploaded for one check, unpacked by {@link UploadedArchive}: read like a folder, but
 * only below its own folder (not below {@code driftwatch.source.roots}), and never stored.
 *
 * @param path the folder holding the project's {@code migrations/} and schema (or its Prisma
 *     config)
 * @param label what the report calls it (the name the caller gave the upload)
 */
public record UploadedSourceSpec(String path, String label) implements SourceSpec {

  public static final String TYPE = "upload";

  @Override
  public String type() {
    return TYPE;
  }
}
