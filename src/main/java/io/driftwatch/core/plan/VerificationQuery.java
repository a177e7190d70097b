package io.driftwatch.core.plan;

/**
 * A query to run after deploying, and what it must return.
 *
 * @param checks what it proves
 * @param expect the rows it must return: {@code 1 row}, {@code 3 rows}, {@code no row}
 */
public record VerificationQuery(String checks, String sql, String expect) {}
