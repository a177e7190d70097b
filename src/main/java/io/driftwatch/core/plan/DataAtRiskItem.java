package io.driftwatch.core.plan;

/**
 * A live table a pending migration destroys or rewrites.
 *
 * @param action what happens to it ({@code drops the table}, {@code drops column "x"}, {@code
 *     rewrites it (column "x" changes type)}, {@code deletes every row}, ...)
 * @param rows the estimated rows, or -1 when unknown
 */
public record DataAtRiskItem(String table, String action, long rows, int line) {}
