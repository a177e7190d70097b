package io.driftwatch.audit.report;

/**
 * What {@code prisma migrate status} would print for this database and folder, and its exit code.
 */
public record PrismaStatusReport(int exitCode, String output) {}
