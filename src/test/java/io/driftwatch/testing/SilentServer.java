package io.driftwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A server on a local port that accepts every connection, then reads nothing and answers nothing: a server that hangs. */
public final class SilentServer implements AutoCloseable {

  private final ServerSocket socket;
  private final List<Socket> held = new CopyOnWriteArrayList<>();

  private SilentServer(ServerSocket socket) {
    this.socket = socket;
  }

  public static SilentServer start() {
    try {
      SilentServer server = new SilentServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
      Thread acceptor = new Thread(server::accept, "silent-server");
      acceptor.setDaemon(true);
      acceptor.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void accept() {
    try {
      while (!socket.isClosed()) {
        held.add(socket.accept());
      }
    } catch (IOException closed) {
      // the test is over
    }
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** Whether anyone connected. */
  public boolean connected() {
    return !held.isEmpty();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket connection : held) {
      connection.close();
    }
  }
}
