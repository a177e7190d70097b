package io.driftwatch.board;

import java.util.List;

/**
 * The fleet page: the environments shown (production first) and the filters applied. Times are
 * written absolute, so an unchanged fleet is an unchanged page (and its ETag holds).
 *
 * @param tier the tier filter; empty for all
 * @param state the history-state filter; empty for all
 * @param total how many environments there are, shown or not
 */
public record FleetView(List<FleetRow> rows, String tier, String state, int total) {

  static final List<String> TIERS = List.of("production", "staging", "development", "other");
  static final List<String> STATES =
      List.of("IN_SYNC", "DATABASE_BEHIND", "FOLDER_BEHIND", "DIVERGED");

  public List<String> tiers() {
    return TIERS;
  }

  public List<String> states() {
    return STATES;
  }

  public String query() {
    StringBuilder query = new StringBuilder();
    if (!tier.isEmpty()) {
      query.append("tier=").append(tier);
    }
    if (!state.isEmpty()) {
      query.append(query.length() == 0 ? "" : "&").append("state=").append(state);
    }
    return query.toString();
  }
}
