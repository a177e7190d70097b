package io.driftwatch.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A smart-HTTP git server on loopback for tests: JGit's UploadPack behind the JDK's HTTP server,
 * with Basic authentication, as a git host serves https with a token.
 */
public final class HttpGitServer implements AutoCloseable {

  private final HttpServer server;

  private HttpGitServer(HttpServer server) {
    this.server = server;
  }

  public static HttpGitServer serve(Repository repository, String user, String token) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
    server.createContext("/repo.git/info/refs", exchange -> {
      if (!authorized(exchange, expected)) {
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-advertisement");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        PacketLineOut lines = new PacketLineOut(out);
        lines.writeString("# service=git-upload-pack\n");
        lines.end();
        UploadPack pack = new UploadPack(repository);
        pack.setBiDirectionalPipe(false);
        pack.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(lines));
      }
    });
    server.createContext("/repo.git/git-upload-pack", exchange -> {
      if (!authorized(exchange, expected)) {
        return;
      }
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
    });
    server.start();
    return new HttpGitServer(server);
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/repo.git";
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

  @Override
  public void close() {
    server.stop(0);
  }
}
