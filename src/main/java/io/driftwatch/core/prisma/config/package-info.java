/**
 * Prisma 7's {@code prisma.config.ts} read statically: where the schema, the migrations and the
 * views are, which tables and enums Prisma must leave alone, and where the database URL comes from.
 *
 * <p>The config is TypeScript and a watched repository is hostile input, so its code is never run.
 * No well-kept Java library reads TypeScript without executing it, so this package is a small
 * hand-written lexer and recursive-descent reader of the tiny subset of expressions configs are
 * written in. Anything beyond the subset is reported as unread, never guessed. See {@link
 * io.driftwatch.core.prisma.config.PrismaConfigReader}.
 */
package io.driftwatch.core.prisma.config;
