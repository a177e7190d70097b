package io.driftwatch.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Slack incoming webhook on loopback: answers from a script of responses (then 200 "ok"), and
 * records every request it got.
 */
public final class FakeSlack implements AutoCloseable {

  /** One scripted answer. */
  public record Answer(int status, String retryAfter, String body) {
    public static Answer ok() {
      return new Answer(200, null, "ok");
    }
  }

  /** One request received, and what it was answered. */
  public record Received(Instant at, String body, int answered) {}

  private final HttpServer server;
  private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private FakeSlack(HttpServer server) {
    this.server = server;
  }

  public static FakeSlack start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    FakeSlack slack = new FakeSlack(server);
    server.createContext("/services/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Answer answer = slack.script.poll();
      if (answer == null) {
        answer = Answer.ok();
      }
      slack.received.add(new Received(Instant.now(), body, answer.status()));
      if (answer.retryAfter() != null) {
        exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    return slack;
  }

  /** Answers the next requests like this, in order. */
  public FakeSlack then(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  public String webhookUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/services/T000/B000/secret" + System.nanoTime();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public List<Received> delivered() {
    return received.stream().filter(r -> r.answered() >= 200 && r.answered() < 300).toList();
  }

  /** Waits until {@code count} requests were answered 2xx, or the time is up. */
  public List<Received> awaitDelivered(int count, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (delivered().size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    return delivered();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
