package io.driftwatch.source;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An open folder whose entries are looked at and opened relative to it, never through a symbolic
 * link. Where the platform offers a {@link SecureDirectoryStream} (Linux, macOS) every step is an
 * {@code openat} with {@code O_NOFOLLOW} on the open folder, so a link swapped in after a check is
 * not followed either; elsewhere each step checks without following, then opens.
 */
final class NoFollowFolder implements Closeable {

  /** What an entry is, seen without following a link. */
  enum Kind {
    FILE,
    FOLDER,
    LINK,
    OTHER,
    MISSING
  }

  /** A file's bytes, or null when it holds more than the limit; {@code size} is what it holds. */
  record Content(long size, byte[] bytes) {}

  private static final Set<OpenOption> READ_NO_FOLLOW =
      Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

  private final Path path;
  private final DirectoryStream<Path> stream;

  private NoFollowFolder(Path path, DirectoryStream<Path> stream) {
    this.path = path;
    this.stream = stream;
  }

  /** Opens a folder given by its real path (the caller resolved and checked it). */
  static NoFollowFolder open(Path realPath) throws IOException {
    if (!Files.readAttributes(realPath, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
        .isDirectory()) {
      throw new NotDirectoryException(realPath.toString());
    }
    return new NoFollowFolder(realPath, Files.newDirectoryStream(realPath));
  }

  Path path() {
    return path;
  }

  Kind kind(String name) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes =
          stream instanceof SecureDirectoryStream<Path> secure
              ? secure
                  .getFileAttributeView(
                      relative(name), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                  .readAttributes()
              : Files.readAttributes(
                  path.resolve(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return Kind.MISSING;
    }
    if (attributes.isSymbolicLink()) {
      return Kind.LINK;
    }
    return attributes.isDirectory()
        ? Kind.FOLDER
        : attributes.isRegularFile() ? Kind.FILE : Kind.OTHER;
  }

  /** The size in bytes of the entry {@code name}, seen without following a link. */
  long size(String name) throws IOException {
    return (stream instanceof SecureDirectoryStream<Path> secure
            ? secure
                .getFileAttributeView(
                    relative(name), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes()
            : Files.readAttributes(
                path.resolve(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS))
        .size();
  }

  /** The sub-folder {@code name}; fails when it is not a folder (a link is not one). */
  NoFollowFolder folder(String name) throws IOException {
    if (stream instanceof SecureDirectoryStream<Path> secure) {
      return new NoFollowFolder(
          path.resolve(name), secure.newDirectoryStream(relative(name), LinkOption.NOFOLLOW_LINKS));
    }
    if (kind(name) != Kind.FOLDER) {
      throw new NotDirectoryException(path.resolve(name).toString());
    }
    return new NoFollowFolder(path.resolve(name), Files.newDirectoryStream(path.resolve(name)));
  }

  /**
   * The folder at a relative path, each step taken without following a link; empty when a step is
   * not a folder.
   */
  Optional<NoFollowFolder> descend(Path relative) throws IOException {
    NoFollowFolder current = this;
    for (Path step : relative) {
      String name = step.toString();
      if (name.isEmpty()) {
        continue;
      }
      NoFollowFolder next = current.kind(name) == Kind.FOLDER ? current.folder(name) : null;
      if (current != this) {
        current.close();
      }
      if (next == null) {
        return Optional.empty();
      }
      current = next;
    }
    return Optional.of(current == this ? new NoFollowFolder(path, reopen()) : current);
  }

  /** The names of the entries; once per folder (a directory stream is read once). */
  List<String> names() throws IOException {
    List<String> names = new ArrayList<>();
    try {
      for (Path entry : stream) {
        names.add(entry.getFileName().toString());
      }
    } catch (DirectoryIteratorException e) {
      throw e.getCause();
    }
    return names;
  }

  /**
   * Reads a regular file through no link, at most {@code maxBytes} of it: the bound holds while
   * reading. The bytes land in one array of the file's size (no doubling buffer, no copy at the
   * end), which the caller keeps.
   */
  Content read(String name, long maxBytes) throws IOException {
    try (SeekableByteChannel channel =
        stream instanceof SecureDirectoryStream<Path> secure
            ? secure.newByteChannel(relative(name), READ_NO_FOLLOW)
            : Files.newByteChannel(path.resolve(name), READ_NO_FOLLOW)) {
      long size = channel.size();
      if (size > maxBytes) {
        return new Content(size, null);
      }
      byte[] bytes = new byte[(int) size];
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining() && channel.read(buffer) != -1) {
        // fills the array; a file that shrank meanwhile ends early
      }
      if (buffer.hasRemaining()) {
        return new Content(buffer.position(), Arrays.copyOf(bytes, buffer.position()));
      }
      return grownWhileRead(channel, bytes, maxBytes);
    }
  }

  /** The file as read so far plus what was appended to it while it was read, within the bound. */
  private static Content grownWhileRead(SeekableByteChannel channel, byte[] read, long maxBytes)
      throws IOException {
    ByteBuffer more = ByteBuffer.allocate(8192);
    if (channel.read(more) == -1) {
      return new Content(read.length, read);
    }
    ByteArrayOutputStream grown = new ByteArrayOutputStream(read.length + more.position());
    grown.write(read, 0, read.length);
    long total = read.length;
    do {
      total += more.position();
      if (total > maxBytes) {
        return new Content(total, null);
      }
      grown.write(more.array(), 0, more.position());
      more.clear();
    } while (channel.read(more) != -1);
    return new Content(total, grown.toByteArray());
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }

  private DirectoryStream<Path> reopen() throws IOException {
    return stream instanceof SecureDirectoryStream<Path> secure
        ? secure.newDirectoryStream(relative("."), LinkOption.NOFOLLOW_LINKS)
        : Files.newDirectoryStream(path);
  }

  private Path relative(String name) {
    return path.getFileSystem().getPath(name);
  }
}
