package io.driftwatch.access;

import io.driftwatch.store.ActiveTokens;
import io.driftwatch.store.ApiTokenEntity;
import io.driftwatch.store.ApiTokenRepository;
import io.driftwatch.store.UniqueViolation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Issues, lists and revokes API tokens, and recognises a presented one. */
@ApplicationScoped
public class ApiTokens {

  /** A token as listed: never its secret. */
  public record ApiToken(
      UUID id,
      String name,
      Role role,
      List<String> environments,
      Instant createdAt,
      String createdBy,
      Instant revokedAt) {}

  /** The one moment the secret exists outside the caller's hands. */
  public record IssuedToken(ApiToken token, String secret) {}

  /**
   * Who presented a known, active token.
   *
   * @param environments the environments it is limited to; null for every one
   */
  public record Holder(UUID id, String name, Role role, Set<String> environments) {}

  private final ApiTokenRepository tokens;
  private final ChangeLog changes;
  private final ActiveTokens active;

  public ApiTokens(ApiTokenRepository tokens, ChangeLog changes, ActiveTokens active) {
    this.tokens = tokens;
    this.changes = changes;
    this.active = active;
  }

  /**
   * @param environments the environments it is limited to; null for every one its role allows
   * @throws InvalidTokenException (as the Uni's failure) for an admin token limited to
   *     environments: managing is never scoped
   */
  public Uni<IssuedToken> issue(String name, Role role, List<String> environments, String actor) {
    if (environments != null && role == Role.ADMIN) {
      return Uni.createFrom()
          .failure(
              new InvalidTokenException(
                  "an admin token cannot be limited to environments: it manages them all"));
    }
    List<String> scope =
        environments == null ? null : environments.stream().distinct().sorted().toList();
    String secret = TokenSecret.generate();
    return Panache.withTransaction(
            () ->
                tokens
                    .findActiveByName(name)
                    .flatMap(
                        existing -> {
                          if (existing != null) {
                            return Uni.createFrom().failure(new TokenNameTakenException(name));
                          }
                          ApiTokenEntity entity = new ApiTokenEntity();
                          entity.id = UUID.randomUUID();
                          entity.name = name;
                          entity.role = role.label();
                          entity.tokenHash = TokenSecret.hash(secret);
                          entity.environments = TokenScope.store(scope);
                          entity.createdAt = Instant.now();
                          entity.createdBy = actor;
                          return tokens
                              .persist(entity)
                              .call(
                                  () ->
                                      changes.record(
                                          actor,
                                          "token.created",
                                          name,
                                          "role "
                                              + role.label()
                                              + (scope == null ? "" : ", environments " + scope)
                                              + ", id "
                                              + entity.id));
                        }))
        .onFailure(UniqueViolation::is)
        .transform(e -> new TokenNameTakenException(name))
        .map(entity -> new IssuedToken(view(entity), secret));
  }

  public Uni<List<ApiToken>> list() {
    return Panache.withSession(tokens::listByCreation)
        .map(list -> list.stream().map(ApiTokens::view).toList());
  }

  /**
   * Revokes at once, on every replica (each request looks the token up). Revoking twice changes
   * nothing.
   */
  public Uni<ApiToken> revoke(UUID id, String actor) {
    return Panache.withTransaction(
            () ->
                tokens
                    .findById(id)
                    .onItem()
                    .ifNull()
                    .failWith(() -> new TokenNotFoundException(id))
                    .call(
                        entity -> {
                          if (entity.revokedAt != null) {
                            return Uni.createFrom().voidItem();
                          }
                          entity.revokedAt = Instant.now();
                          return changes.record(
                              actor,
                              "token.revoked",
                              entity.name,
                              "role " + entity.role + ", id " + entity.id);
                        }))
        .map(ApiTokens::view);
  }

  /** Whether the token with this id is active: a board session lasts only while its token does. */
  public Uni<Boolean> isActive(UUID id) {
    return active.isActive(id);
  }

  /**
   * The holder of an active token with this secret, if any. One indexed lookup, no session needed.
   */
  public Uni<Optional<Holder>> holderOf(String secret) {
    return active
        .byHash(TokenSecret.hash(secret))
        .map(
            found ->
                found.flatMap(
                    token ->
                        Optional.ofNullable(Role.parse(token.role()))
                            .map(
                                role ->
                                    new Holder(
                                        token.id(),
                                        token.name(),
                                        role,
                                        TokenScope.stored(token.environments())))));
  }

  private static ApiToken view(ApiTokenEntity entity) {
    return new ApiToken(
        entity.id,
        entity.name,
        Role.parse(entity.role),
        entity.environments == null ? null : List.of(entity.environments.split("\n")),
        entity.createdAt,
        entity.createdBy,
        entity.revokedAt);
  }
}
