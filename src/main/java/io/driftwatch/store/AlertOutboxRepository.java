package io.driftwatch.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class AlertOutboxRepository implements PanacheRepositoryBase<AlertOutboxEntity, UUID> {}
