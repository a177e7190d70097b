package io.driftwatch.board;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Signing out: the session cookie is cleared, and the browser sent to the sign-in page. */
@PermitAll // who may see what is decided in the page: a stranger is sent to sign in, not given a
// 401
@Path(SessionCookieMechanism.SIGN_OUT)
public class SignOutPage {

  @POST
  @Operation(hidden = true)
  public Response signOut(@Context HttpServerRequest request) {
    return Response.seeOther(URI.create("/sign-in"))
        .cookie(SignInPage.cookie("", 0, request))
        .build();
  }
}
