package io.driftwatch.secrets;

/**
 * No master key is configured, so credentials can be neither stored nor read; the message says how
 * to set one.
 */
public final class NoMasterKeyException extends RuntimeException {

  public NoMasterKeyException(String advice) {
    super(advice, null, false, false);
  }
}
