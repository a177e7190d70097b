package io.driftwatch.board;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The board's pages, checked against their templates when the service is built. */
@CheckedTemplate(basePath = "board")
final class BoardTemplates {

  private BoardTemplates() {}

  static native TemplateInstance signIn(String next, String error, boolean sso);

  static native TemplateInstance message(String title, String detail);

  static native TemplateInstance fleet(FleetView fleet);

  static native TemplateInstance fleetRows(FleetView fleet);

  static native TemplateInstance report(ReportView view);
}
