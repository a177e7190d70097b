package io.driftwatch.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** A {@code .tar.gz} built entry by entry, hostile entries included, for upload tests. */
public final class TarGz {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;

  public TarGz() {
    try {
      tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes));
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public TarGz file(String name, String text) {
    return file(name, text.getBytes(StandardCharsets.UTF_8));
  }

  public TarGz file(String name, byte[] content) {
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(content.length);
    return put(entry, content);
  }

  public TarGz folder(String name) {
    return put(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true), null);
  }

  /** An entry of another kind: {@link TarArchiveEntry}'s LF_ constants (symlink, link, FIFO…). */
  public TarGz special(String name, byte kind, String linkTarget) {
    TarArchiveEntry entry = new TarArchiveEntry(name, kind, true);
    if (linkTarget != null) {
      entry.setLinkName(linkTarget);
    }
    return put(entry, null);
  }

  private TarGz put(TarArchiveEntry entry, byte[] content) {
    try {
      tar.putArchiveEntry(entry);
      if (content != null) {
        tar.write(content);
      }
      tar.closeArchiveEntry();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] bytes() {
    try {
      tar.close();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
