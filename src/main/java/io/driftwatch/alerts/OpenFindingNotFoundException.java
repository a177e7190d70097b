package io.driftwatch.alerts;

public final class OpenFindingNotFoundException extends RuntimeException {

  public OpenFindingNotFoundException(String environment, String fingerprint) {
    super(
        "`"
            + environment
            + "` has no open finding with fingerprint "
            + fingerprint
            + " (GET /api/v1/environments/"
            + environment
            + "/findings lists them)",
        null,
        false,
        false);
  }
}
