package io.driftwatch.source;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A project's Prisma folder uploaded as a {@code .tar.gz} for a check, unpacked into a folder of
 * its own that only this process may read, and deleted with it. The archive is hostile input, read
 * with the bounds of a source: only files and folders (a link, a device or a FIFO refuses the whole
 * archive), names that stay below the folder (no absolute path, no {@code ..}, no control
 * character, no backslash), each name once, every file under the script bound and all of them,
 * decompressed, under the source's total, and a bounded number of entries (a gzip or tar bomb stops
 * at the bound). The format is read by Commons Compress, which knows the PAX and GNU extensions a
 * hand-written reader would get wrong.
 */
public final class UploadedArchive implements AutoCloseable {

  /** More entries than a Prisma folder of thousands of migrations holds. */
  static final int MAX_ENTRIES = 50_000;

  private static final int MAX_NAME = 1024;
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f]");

  private final Path folder;

  private UploadedArchive(Path folder) {
    this.folder = folder;
  }

  /**
   * The bounds of one archive.
   *
   * @param maxFileBytes the largest file
   * @param maxTotalBytes the most bytes, decompressed, of the whole archive
   */
  public record Limits(long maxFileBytes, long maxTotalBytes) {}

  /** The folder the archive was unpacked into. */
  public Path folder() {
    return folder;
  }

  /**
   * Unpacks a {@code .tar.gz} into a new owner-only folder below {@code parent}.
   *
   * @throws InvalidSourceException naming what in the archive was refused
   * @throws IOException when the folder cannot be written
   */
  public static UploadedArchive unpack(byte[] gzip, Path parent, Limits limits) throws IOException {
    Files.createDirectories(parent);
    Path folder =
        Files.createTempDirectory(
            parent,
            "upload-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    UploadedArchive archive = new UploadedArchive(folder);
    try {
      archive.fill(gzip, limits);
      return archive;
    } catch (IOException | RuntimeException e) {
      archive.close();
      throw e;
    }
  }

  private void fill(byte[] gzip, Limits limits) throws IOException {
    Bounded decompressed;
    try {
      decompressed =
          new Bounded(new GzipCompressorInputStream(new ByteArrayInputStream(gzip)), limits);
    } catch (IOException e) {
      throw new InvalidSourceException("the upload is not a gzip stream: " + e.getMessage());
    }
    Set<String> seen = new HashSet<>();
    int entries = 0;
    try (TarArchiveInputStream tar = new TarArchiveInputStream(decompressed)) {
      TarArchiveEntry entry;
      while ((entry = nextEntry(tar)) != null) {
        if (++entries > MAX_ENTRIES) {
          throw new InvalidSourceException(
              "the archive holds more than " + MAX_ENTRIES + " entries");
        }
        String name = name(entry.getName());
        if (name.isEmpty()) {
          continue;
        }
        if (!seen.add(name)) {
          throw new InvalidSourceException("the archive holds `" + name + "` twice");
        }
        Path target = folder.resolve(name);
        if (entry.isSymbolicLink() || entry.isLink()) {
          throw new InvalidSourceException(
              "`" + name + "` is a link: an uploaded project holds files and folders only");
        }
        if (entry.isDirectory()) {
          folders(target, name);
        } else if (regular(entry)) {
          if (entry.getSize() > limits.maxFileBytes()) {
            throw new InvalidSourceException(
                "`" + name + "` holds more than " + limits.maxFileBytes() + " bytes");
          }
          folders(target.getParent(), name);
          write(tar, target, name, limits.maxFileBytes());
        } else {
          throw new InvalidSourceException(
              "`"
                  + name
                  + "` is not a file or a folder: an uploaded project holds files and folders"
                  + " only");
        }
      }
    } catch (Bounded.TooLarge e) {
      throw new InvalidSourceException(
          "the archive holds more than " + limits.maxTotalBytes() + " bytes once decompressed");
    }
  }

  /** A plain file's entry: never a device, a FIFO, a link or one of GNU's special kinds. */
  private static boolean regular(TarArchiveEntry entry) {
    byte kind = entry.getLinkFlag();
    return kind == TarConstants.LF_NORMAL
        || kind == TarConstants.LF_OLDNORM
        || kind == TarConstants.LF_CONTIG;
  }

  private static void folders(Path folder, String name) throws IOException {
    try {
      Files.createDirectories(folder);
    } catch (FileAlreadyExistsException e) {
      throw new InvalidSourceException("`" + name + "` lies below a file of the same archive");
    }
  }

  private static TarArchiveEntry nextEntry(TarArchiveInputStream tar) throws IOException {
    try {
      return tar.getNextEntry();
    } catch (Bounded.TooLarge e) {
      throw e;
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidSourceException(
          "the upload is not a readable tar archive: " + e.getMessage());
    }
  }

  private static void write(InputStream in, Path target, String name, long maxBytes)
      throws IOException {
    long written = 0;
    byte[] buffer = new byte[8192];
    try (OutputStream out =
        Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        written += read;
        if (written > maxBytes) {
          throw new InvalidSourceException("`" + name + "` holds more than " + maxBytes + " bytes");
        }
        out.write(buffer, 0, read);
      }
    } catch (FileAlreadyExistsException e) {
      throw new InvalidSourceException("the archive holds `" + name + "` twice");
    }
  }

  /**
   * An entry's name as a path below the folder: {@code ./} and trailing slashes dropped; refused
   * when it could leave the folder or fool a reader.
   */
  static String name(String raw) {
    if (raw.length() > MAX_NAME) {
      throw new InvalidSourceException(
          "an entry's name is longer than " + MAX_NAME + " characters");
    }
    if (CONTROL.matcher(raw).find() || raw.indexOf('\\') >= 0) {
      throw new InvalidSourceException(
          "an entry's name holds a control character or a backslash: " + printable(raw));
    }
    if (raw.startsWith("/")) {
      throw new InvalidSourceException("`" + raw + "` is an absolute path");
    }
    StringBuilder name = new StringBuilder();
    for (String part : raw.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw new InvalidSourceException("`" + raw + "` leaves the archive's folder");
      }
      if (name.length() > 0) {
        name.append('/');
      }
      name.append(part);
    }
    return name.toString();
  }

  private static String printable(String raw) {
    return "`" + CONTROL.matcher(raw).replaceAll("?") + "`";
  }

  /** Deletes the folder and everything in it (nothing in it is a link: none was written). */
  @Override
  public void close() throws IOException {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** The decompressed stream, stopped at the archive's total bound. */
  private static final class Bounded extends FilterInputStream {
    private final long max;
    private long read;

    Bounded(InputStream in, Limits limits) {
      super(in);
      this.max = limits.maxTotalBytes();
    }

    static final class TooLarge extends IOException {
      TooLarge() {
        super("too large", null);
      }
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws TooLarge {
      read += n;
      if (read > max) {
        throw new TooLarge();
      }
    }
  }
}
