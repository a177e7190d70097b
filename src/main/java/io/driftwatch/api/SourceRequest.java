package io.driftwatch.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the migrations and the Prisma schema are read from.
 *
 * @param path type path: the absolute folder holding migrations/ and schema.prisma (or a Prisma 7
 *     project's prisma.config.ts, which says where they are), below one of DRIFTWATCH_SOURCE_ROOTS;
 *     type git: that folder inside the repository (empty for the root; a config in the folder above
 *     a prisma/ folder is found too)
 * @param migrationsPath override of the migrations folder, relative to path and inside it; wins
 *     over the config's migrations.path
 * @param schemaPath override of the schema file or folder, relative to path and inside it; wins
 *     over the config's schema
 * @param url type git: https, ssh or file URL of the repository, without credentials in it
 * @param ref type git: branch, tag or commit
 * @param credentials type git: write-only; omitted on update keeps the stored ones if the URL keeps
 *     its scheme, host and port, else they are dropped
 */
public record SourceRequest(
    @NotBlank
        @Pattern(regexp = "path|git", message = "must be path or git")
        @Schema(enumeration = {"path", "git"})
        String type,
    @Size(max = 4096) @Schema(examples = "/srv/app/prisma") String path,
    @Size(max = 4096) String migrationsPath,
    @Size(max = 4096) String schemaPath,
    @Size(max = 4096) @Schema(examples = "https://github.com/acme/app.git") String url,
    @Size(max = 255) @Schema(examples = "main") String ref,
    @Valid CredentialsRequest credentials) {

  /**
   * Git credentials; never returned.
   *
   * @param username for https; default x-access-token
   * @param token https token or password
   * @param sshPrivateKey OpenSSH private key, PEM
   * @param sshKnownHosts known_hosts lines of the ssh server (host keys are always checked)
   */
  public record CredentialsRequest(
      @Size(max = 255) String username,
      @Size(max = 4096) String token,
      @Size(max = 16384) String sshPrivateKey,
      @Size(max = 16384) String sshKnownHosts) {}
}
