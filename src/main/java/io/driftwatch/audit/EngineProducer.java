package io.driftwatch.audit;

import io.driftwatch.core.engine.AuditEngine;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * One engine for the service: it judges one audit at a time, so an audit's memory peak is paid
 * once.
 */
class EngineProducer {

  @Produces
  @Singleton
  AuditEngine engine() {
    return new AuditEngine();
  }
}
