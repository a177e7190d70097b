package io.driftwatch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP port that accepts every connection and never answers, as a server of another protocol does
 * to a PostgreSQL client (Redis reading a startup packet that has no end of line). What the client
 * sends is read and dropped, so that the listener sees when the client gives up and closes its end.
 */
public final class SilentListener implements AutoCloseable {

  private final ServerSocket socket;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final AtomicInteger closedByClient = new AtomicInteger();

  private SilentListener(ServerSocket socket) {
    this.socket = socket;
  }

  public static SilentListener start() {
    try {
      SilentListener listener =
          new SilentListener(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
      Thread acceptor = new Thread(listener::accept, "silent-listener-" + listener.port());
      acceptor.setDaemon(true);
      acceptor.start();
      return listener;
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on a local port", e);
    }
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** host:port, as the service names the server in its messages. */
  public String address() {
    return "127.0.0.1:" + port();
  }

  /** Connections accepted so far. */
  public int accepted() {
    return accepted.size();
  }

  /** Connections accepted and not closed by the client yet. */
  public int stillOpen() {
    return accepted.size() - closedByClient.get();
  }

  private void accept() {
    try {
      while (!socket.isClosed()) {
        Socket client = socket.accept();
        accepted.add(client);
        Thread reader = new Thread(() -> drain(client), "silent-listener-reader");
        reader.setDaemon(true);
        reader.start();
      }
    } catch (IOException closed) {
      // the listener is closed
    }
  }

  private void drain(Socket client) {
    byte[] buffer = new byte[4096];
    try (InputStream in = client.getInputStream()) {
      while (in.read(buffer) >= 0) {
        // read, answer nothing
      }
    } catch (IOException e) {
      // closed by either side
    }
    closedByClient.incrementAndGet();
  }

  @Override
  public void close() {
    try {
      socket.close();
      for (Socket client : accepted) {
        client.close();
      }
    } catch (IOException e) {
      // closing anyway
    }
  }
}
