package io.driftwatch.audit.report;

import io.driftwatch.core.history.HistoryOwner;
import io.driftwatch.core.history.HistoryState;
import java.util.List;

/**
 * Both sides joined: the overall state and one entry per migration name (folder order, then
 * phantoms).
 *
 * @param owner which system keeps the history: {@code PRISMA_MIGRATE} ({@code _prisma_migrations}),
 *     {@code PRISMA_8} (its marker and ledger; {@code _prisma_migrations} inert, its migrations
 *     listed as read) or {@code HYBRID} (both, during a hand-over)
 * @param ownership why driftwatch thinks so, in one sentence
 * @param contractMarker the contract hash Prisma 8's marker holds; null without one
 */
public record HistoryReport(
    HistoryState state,
    HistoryOwner owner,
    String ownership,
    String contractMarker,
    String lastCommonMigration,
    List<MigrationReport> migrations) {}
