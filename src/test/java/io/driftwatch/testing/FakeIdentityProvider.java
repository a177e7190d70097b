package io.driftwatch.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * An OpenID provider for tests, on a local port: discovery, a keys document, an authorization
 * endpoint that signs in {@link #USER} at once (in groups {@link #GROUPS}) and sends the browser
 * back with a code, and a token endpoint that trades the code for tokens signed with the test key.
 */
public class FakeIdentityProvider implements QuarkusTestResourceLifecycleManager {

  public static final String CLIENT_ID = "driftwatch-board";
  public static final String USER = "alice";
  public static final Set<String> GROUPS = Set.of("viewer", "developers");
  private static final String KEY_ID = "test-key";

  private HttpServer server;
  private String issuer;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/.well-known/openid-configuration", this::discovery);
    server.createContext("/keys", this::keys);
    server.createContext("/authorize", this::authorize);
    server.createContext("/token", this::token);
    server.start();
    return Map.of(
        "quarkus.oidc.board.tenant-enabled",
        "true",
        "quarkus.oidc.board.auth-server-url",
        issuer,
        "quarkus.oidc.board.client-id",
        CLIENT_ID,
        "quarkus.oidc.board.credentials.secret",
        "test-client-secret");
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private void discovery(HttpExchange exchange) throws IOException {
    send(
        exchange,
        200,
        "{\"issuer\":\"%s\",\"authorization_endpoint\":\"%s/authorize\",\"token_endpoint\":\"%s/token\",\"jwks_uri\":\"%s/keys\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}"
            .formatted(issuer, issuer, issuer, issuer));
  }

  private void keys(HttpExchange exchange) throws IOException {
    try {
      RSAPublicKey key = (RSAPublicKey) KeyUtils.decodePublicKey(pem("oidc/public-key.pem"));
      Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
      send(
          exchange,
          200,
          "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"%s\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"%s\",\"e\":\"%s\"}]}"
              .formatted(
                  KEY_ID,
                  url.encodeToString(unsigned(key.getModulus().toByteArray())),
                  url.encodeToString(unsigned(key.getPublicExponent().toByteArray()))));
    } catch (Exception e) {
      send(exchange, 500, "{}");
    }
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
    String location =
        query.get("redirect_uri")
            + (query.get("redirect_uri").contains("?") ? "&" : "?")
            + "code=test-code&state="
            + java.net.URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private void token(HttpExchange exchange) throws IOException {
    try {
      PrivateKey key = KeyUtils.decodePrivateKey(pem("oidc/private-key.pem"));
      String token =
          Jwt.issuer(issuer)
              .audience(CLIENT_ID)
              .subject(USER)
              .upn(USER)
              .claim("preferred_username", USER)
              .groups(GROUPS)
              .expiresIn(300)
              .jws()
              .keyId(KEY_ID)
              .algorithm(SignatureAlgorithm.RS256)
              .sign(key);
      send(
          exchange,
          200,
          "{\"access_token\":\"%s\",\"id_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":300}"
              .formatted(token, token));
    } catch (Exception e) {
      send(exchange, 500, "{}");
    }
  }

  private static byte[] unsigned(byte[] bytes) {
    return bytes.length > 1 && bytes[0] == 0
        ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length)
        : bytes;
  }

  private static Map<String, String> parameters(String query) {
    Map<String, String> values = new HashMap<>();
    if (query == null) {
      return values;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static String pem(String resource) throws IOException {
    try (InputStream in =
        FakeIdentityProvider.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
