package io.driftwatch.audit.report;

import io.driftwatch.core.history.HistoryState;
import java.util.List;

/**
 * Both sides joined: the overall state and one entry per migration name (folder order, then
 * phantoms).
 */
public record HistoryReport(
    HistoryState state, String lastCommonMigration, List<MigrationReport> migrations) {}
