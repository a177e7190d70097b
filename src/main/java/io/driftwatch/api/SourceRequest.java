package io.driftwatch.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the migrations and the Prisma schema are read from.
 *
 * @param path the folder holding migrations/ and schema.prisma (type path)
 * @param migrationsPath override of the migrations folder, absolute or relative to path
 * @param schemaPath override of the schema file or folder, absolute or relative to path
 */
public record SourceRequest(
    @NotBlank @Pattern(regexp = "path", message = "must be path") @Schema(enumeration = {"path"}) String type,
    @Size(max = 4096) @Schema(examples = "/srv/app/prisma") String path,
    @Size(max = 4096) String migrationsPath,
    @Size(max = 4096) String schemaPath) {}
