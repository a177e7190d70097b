package io.driftwatch.access;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;

/**
 * Gives every identity the roles its role includes, whatever authenticated it: an OIDC user in
 * group {@code operator} may also read, as an operator token may.
 */
@ApplicationScoped
public class RoleHierarchy implements SecurityIdentityAugmentor {

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous()) {
      return Uni.createFrom().item(identity);
    }
    Set<String> granted = new HashSet<>();
    for (Role role : Role.values()) {
      if (identity.hasRole(role.label())) {
        granted.addAll(role.grantedRoleNames());
      }
    }
    if (identity.getRoles().containsAll(granted)) {
      return Uni.createFrom().item(identity);
    }
    return Uni.createFrom()
        .item(QuarkusSecurityIdentity.builder(identity).addRoles(granted).build());
  }
}
