package io.driftwatch.source;

/**
 * Where an environment's migrations and Prisma schema come from. One adapter per kind; the path
 * source is the first.
 */
public sealed interface SourceSpec permits PathSourceSpec {

  /** The {@code type} discriminator used in the API and in the store. */
  String type();
}
