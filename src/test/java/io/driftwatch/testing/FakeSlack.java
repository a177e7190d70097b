package io.driftwatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Slack incoming webhook on loopback that refuses what Slack refuses: under {@code /services/} a
 * message that breaks Block Kit's limits (more than 50 blocks, a header over 150 characters, a
 * section or context text over 3,000, a body over 40,000 characters, neither text nor blocks) is
 * answered {@code 400 invalid_blocks} (or {@code no_text}, {@code msg_too_long}) as Slack does.
 * Under {@code /hooks/} it is a generic webhook that takes any JSON. Otherwise it answers from a
 * script of responses (then 200 "ok"), records every request, and can go down and come back on the
 * same port.
 */
public final class FakeSlack implements AutoCloseable {

  public static final int MAX_BLOCKS = 50;
  public static final int MAX_HEADER = 150;
  public static final int MAX_TEXT = 3000;
  public static final int MAX_CONTEXT_ELEMENTS = 10;
  public static final int MAX_BODY = 40_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One scripted answer. */
  public record Answer(int status, String retryAfter, String body) {
    public static Answer ok() {
      return new Answer(200, null, "ok");
    }
  }

  /** One request received, and what it was answered. */
  public record Received(Instant at, String path, String body, int answered, String answer) {}

  private final int port;
  private volatile HttpServer server;
  private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Received> held = new CopyOnWriteArrayList<>();

  /**
   * Set while requests are taken and never answered ({@link #hang()}); counted down when they are
   * let go.
   */
  private volatile CountDownLatch hanging;

  private FakeSlack(int port) {
    this.port = port;
  }

  public static FakeSlack start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    FakeSlack slack = new FakeSlack(server.getAddress().getPort());
    slack.listen(server);
    return slack;
  }

  private void listen(HttpServer server) {
    server.createContext("/services/", exchange -> answer(exchange, true));
    server.createContext("/hooks/", exchange -> answer(exchange, false));
    server.start();
    this.server = server;
  }

  private void answer(HttpExchange exchange, boolean slackRules) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    CountDownLatch hold = hanging;
    if (hold != null) {
      held.add(new Received(Instant.now(), exchange.getRequestURI().getPath(), body, 0, ""));
      Thread holder =
          new Thread(
              () -> {
                try {
                  hold.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                exchange.close(); // never answered: the client has given up by now
              },
              "fake-slack-hold");
      holder.setDaemon(true);
      holder.start();
      return;
    }
    Answer answer = script.poll();
    if (answer == null) {
      String refusal = slackRules ? refusal(body) : null;
      answer = refusal == null ? Answer.ok() : new Answer(400, null, refusal);
    }
    received.add(
        new Received(
            Instant.now(),
            exchange.getRequestURI().getPath(),
            body,
            answer.status(),
            answer.body()));
    if (answer.retryAfter() != null) {
      exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** What Slack would answer this body with instead of 200, or null when it would take it. */
  public static String refusal(String body) {
    if (body.length() > MAX_BODY) {
      return "msg_too_long";
    }
    JsonNode message;
    try {
      message = JSON.readTree(body);
    } catch (IOException e) {
      return "invalid_payload";
    }
    if (message == null || !message.isObject()) {
      return "invalid_payload";
    }
    JsonNode blocks = message.get("blocks");
    if (blocks == null) {
      return message.path("text").asText("").isBlank() ? "no_text" : null;
    }
    if (!blocks.isArray() || blocks.size() > MAX_BLOCKS) {
      return "invalid_blocks";
    }
    for (JsonNode block : blocks) {
      boolean valid =
          switch (block.path("type").asText()) {
            case "header" ->
                block.path("text").path("type").asText().equals("plain_text")
                    && within(block.path("text").path("text"), MAX_HEADER);
            case "section" -> within(block.path("text").path("text"), MAX_TEXT);
            case "context" ->
                block.path("elements").isArray()
                    && !block.path("elements").isEmpty()
                    && block.path("elements").size() <= MAX_CONTEXT_ELEMENTS
                    && allWithin(block.path("elements"), MAX_TEXT);
            case "divider" -> true;
            default -> false;
          };
      if (!valid) {
        return "invalid_blocks";
      }
    }
    return null;
  }

  private static boolean within(JsonNode text, int max) {
    return text.isTextual() && !text.asText().isEmpty() && text.asText().length() <= max;
  }

  private static boolean allWithin(JsonNode elements, int max) {
    for (JsonNode element : elements) {
      if (!within(element.path("text"), max)) {
        return false;
      }
    }
    return true;
  }

  /** Answers the next requests like this, in order. */
  public FakeSlack then(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  /** Stops listening: connections are refused until {@link #up()}. */
  public synchronized void down() {
    release();
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /** Listens again on the same port. */
  public synchronized void up() throws IOException {
    release();
    if (server != null) {
      return;
    }
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      try {
        listen(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
        return;
      } catch (BindException e) {
        if (System.currentTimeMillis() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * Listens, takes every request and answers none, as a receiver that hangs does: the sender waits
   * for its request timeout, holding its claim. Held requests are not {@link #received()}: they are
   * closed unanswered on {@link #up()} or {@link #down()}.
   */
  public synchronized void hang() throws IOException {
    up();
    hanging = new CountDownLatch(1);
  }

  /** The requests taken and never answered while it hung. */
  public List<Received> held() {
    return List.copyOf(held);
  }

  private void release() {
    CountDownLatch hold = hanging;
    hanging = null;
    if (hold != null) {
      hold.countDown();
    }
  }

  /** A Slack incoming webhook URL (Block Kit limits enforced); each call gives a distinct one. */
  public String webhookUrl() {
    return "http://127.0.0.1:" + port + "/services/T000/B000/secret" + System.nanoTime();
  }

  /** A generic webhook URL (any JSON taken); each call gives a distinct one. */
  public String genericUrl() {
    return "http://127.0.0.1:" + port + "/hooks/driftwatch/secret" + System.nanoTime();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public List<Received> delivered() {
    return received.stream().filter(r -> r.answered() >= 200 && r.answered() < 300).toList();
  }

  /** The requests answered 2xx whose body contains this text. */
  public List<Received> deliveredContaining(String text) {
    return delivered().stream().filter(r -> r.body().contains(text)).toList();
  }

  /** Waits until {@code count} requests were answered 2xx, or the time is up. */
  public List<Received> awaitDelivered(int count, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (delivered().size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    return delivered();
  }

  /**
   * Waits until {@code count} requests whose body contains {@code text} were answered 2xx, or the
   * time is up.
   */
  public List<Received> awaitDeliveredContaining(String text, int count, long millis)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (deliveredContaining(text).size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    return deliveredContaining(text);
  }

  @Override
  public void close() {
    down();
  }
}
