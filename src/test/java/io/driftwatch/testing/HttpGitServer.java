package io.driftwatch.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.HttpTransport;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;
import org.eclipse.jgit.transport.http.JDKHttpConnection;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * A smart-HTTP git server on loopback for tests: JGit's UploadPack behind the JDK's HTTP(S) server,
 * with Basic authentication, as a git host serves https with a token. Every repository path ({@code
 * /<name>.git}) serves the same repository; every request's Authorization header is kept, so a test
 * can prove what reached the server. The https servers share one throwaway self-signed certificate
 * that JGit trusts inside {@link #trustedByGit()}.
 */
public final class HttpGitServer implements AutoCloseable {

  private static final char[] STORE_PASSWORD = "test-only".toCharArray();
  private static KeyStore certificate;

  private final HttpServer server;
  private final String scheme;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  private HttpGitServer(HttpServer server, String scheme) {
    this.server = server;
    this.scheme = scheme;
  }

  /** Plain http, wanting Basic {@code user:token}. */
  public static HttpGitServer serve(Repository repository, String user, String token)
      throws IOException {
    return start(HttpServer.create(loopback(), 0), "http", repository, basic(user, token));
  }

  /** https with the test certificate, wanting Basic {@code user:token}. */
  public static HttpGitServer serveHttps(Repository repository, String user, String token)
      throws IOException {
    return start(https(), "https", repository, basic(user, token));
  }

  /**
   * https with the test certificate, answering every request with a redirect to the same path under
   * {@code base}.
   */
  public static HttpGitServer redirectHttps(String base) throws IOException {
    HttpServer server = https();
    HttpGitServer result = new HttpGitServer(server, "https");
    server.createContext(
        "/",
        exchange -> {
          result.record(exchange);
          String query = exchange.getRequestURI().getRawQuery();
          exchange
              .getResponseHeaders()
              .add(
                  "Location",
                  base
                      + exchange.getRequestURI().getRawPath().replaceFirst("^/[^/]+\\.git", "")
                      + (query == null ? "" : "?" + query));
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.start();
    return result;
  }

  /**
   * Plain http, without authentication, advertising the repository's refs but answering every pack
   * request with {@code status} and {@code body}: a host whose storage lost objects answers {@code
   * 500 internal server error}.
   */
  public static HttpGitServer failingUploads(Repository repository, int status, String body)
      throws IOException {
    HttpServer server = HttpServer.create(loopback(), 0);
    HttpGitServer result = new HttpGitServer(server, "http");
    HttpHandler advertise = advertise(repository);
    server.createContext(
        "/",
        exchange -> {
          result.record(exchange);
          if (exchange.getRequestURI().getPath().endsWith("/info/refs")) {
            advertise.handle(exchange);
            return;
          }
          byte[] text = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/plain");
          exchange.sendResponseHeaders(status, text.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(text);
          }
        });
    server.start();
    return result;
  }

  private static HttpGitServer start(
      HttpServer server, String scheme, Repository repository, String expected) {
    HttpGitServer result = new HttpGitServer(server, scheme);
    server.createContext(
        "/",
        exchange -> {
          result.record(exchange);
          String path = exchange.getRequestURI().getPath();
          if (!path.matches("/[^/]+\\.git/(info/refs|git-upload-pack)")) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
          if (!authorized(exchange, expected)) {
            return;
          }
          (path.endsWith("/info/refs") ? advertise(repository) : upload(repository))
              .handle(exchange);
        });
    server.start();
    return result;
  }

  private static HttpHandler advertise(Repository repository) {
    return exchange -> {
      exchange
          .getResponseHeaders()
          .add("Content-Type", "application/x-git-upload-pack-advertisement");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        PacketLineOut lines = new PacketLineOut(out);
        lines.writeString("# service=git-upload-pack\n");
        lines.end();
        UploadPack pack = new UploadPack(repository);
        pack.setBiDirectionalPipe(false);
        pack.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(lines));
      }
    };
  }

  private static HttpHandler upload(Repository repository) {
    return exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-result");
      exchange.sendResponseHeaders(200, 0);
      InputStream in = exchange.getRequestBody();
      if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        in = new GZIPInputStream(in);
      }
      try (OutputStream out = exchange.getResponseBody()) {
        UploadPack pack = new UploadPack(repository);
        pack.setBiDirectionalPipe(false);
        pack.upload(in, out, null);
      }
    };
  }

  /** {@code <scheme>://127.0.0.1:<port>/repo.git} */
  public String url() {
    return url("repo");
  }

  /** Another repository path on the same server (it serves the same repository). */
  public String url(String repository) {
    return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/" + repository + ".git";
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The Authorization header of every request so far, in order; "" for a request without one. */
  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  /** Whether a request so far carried Basic credentials holding {@code token}. */
  public boolean received(String token) {
    return authorizations.stream()
        .anyMatch(
            header ->
                header.startsWith("Basic ")
                    && new String(
                            Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8)
                        .contains(token));
  }

  private void record(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    authorizations.add(header == null ? "" : header);
  }

  private static String basic(String user, String token) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
  }

  private static boolean authorized(HttpExchange exchange, String expected) throws IOException {
    if (expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      return true;
    }
    exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
    exchange.sendResponseHeaders(401, -1);
    exchange.close();
    return false;
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  private static HttpsServer https() throws IOException {
    try {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(certificate(), STORE_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      HttpsServer server = HttpsServer.create(loopback(), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(context));
      return server;
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  /** A self-signed certificate for 127.0.0.1, made once per run by the JDK's keytool. */
  private static synchronized KeyStore certificate() throws IOException, GeneralSecurityException {
    if (certificate == null) {
      Path directory = Files.createTempDirectory("dw-https");
      Path store = directory.resolve("server.p12");
      Process keytool =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "git",
                  "-keyalg",
                  "EC",
                  "-groupname",
                  "secp256r1",
                  "-validity",
                  "2",
                  "-dname",
                  "CN=127.0.0.1",
                  "-ext",
                  "SAN=IP:127.0.0.1",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  store.toString(),
                  "-storepass",
                  new String(STORE_PASSWORD))
              .redirectErrorStream(true)
              .start();
      try {
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
          throw new IOException("keytool failed: " + output);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      KeyStore loaded = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        loaded.load(in, STORE_PASSWORD);
      }
      Files.delete(store);
      Files.delete(directory);
      certificate = loaded;
    }
    return certificate;
  }

  /**
   * Makes JGit's http transport trust the test certificate (and only it) until closed; the service
   * under test uses the same JGit, so this reaches its audits too.
   */
  public static AutoCloseable trustedByGit() throws IOException {
    TrustManager[] trust;
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("git", certificate().getCertificate("git"));
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      trust = factory.getTrustManagers();
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
    HttpConnectionFactory previous = HttpTransport.getConnectionFactory();
    HttpTransport.setConnectionFactory(
        new JDKHttpConnectionFactory() {
          @Override
          public HttpConnection create(URL url) throws IOException {
            return trusting(super.create(url), url);
          }

          @Override
          public HttpConnection create(URL url, Proxy proxy) throws IOException {
            return trusting(super.create(url, proxy), url);
          }

          private HttpConnection trusting(HttpConnection connection, URL url) throws IOException {
            if ("https".equals(url.getProtocol()) && connection instanceof JDKHttpConnection jdk) {
              try {
                jdk.configure(null, trust, null);
              } catch (GeneralSecurityException e) {
                throw new IOException(e);
              }
            }
            return connection;
          }
        });
    return () -> HttpTransport.setConnectionFactory(previous);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
