package io.driftwatch.store;

/**
 * The store did not answer within the time an audit had left: to the caller, the store is out of
 * reach.
 */
public final class StoreTimeoutException extends RuntimeException {

  public StoreTimeoutException(String message) {
    super(message, null, false, false);
  }
}
