package io.driftwatch.source;

/**
 * Where an environment's migrations and Prisma schema come from: a folder on this machine, or a git
 * repository. One adapter per kind.
 */
public interface SourceSpec {

  /** The {@code type} discriminator used in the API and in the store. */
  String type();
}
