package io.driftwatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A Prisma folder packed as the {@code .tar.gz} a service's check takes: its files and folders,
 * names relative to the folder; a symbolic link refuses the folder (the service would refuse the
 * archive), and so does a folder larger than the upload bound.
 */
final class FolderArchive {

  private FolderArchive() {}

  static byte[] pack(Path folder, long maxBytes) throws CommandFailure {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      Files.walkFileTree(
          folder,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
                throws IOException {
              if (!dir.equals(folder)) {
                tar.putArchiveEntry(new TarArchiveEntry(name(folder, dir) + "/"));
                tar.closeArchiveEntry();
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              if (!attributes.isRegularFile()
                  || Files.isSymbolicLink(file)
                  || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new Refused(name(folder, file) + " is not a plain file (a link?)");
              }
              TarArchiveEntry entry = new TarArchiveEntry(name(folder, file));
              entry.setSize(attributes.size());
              tar.putArchiveEntry(entry);
              Files.copy(file, tar);
              tar.closeArchiveEntry();
              if (bytes.size() > maxBytes) {
                throw new Refused("it packs into more than " + maxBytes + " bytes");
              }
              return FileVisitResult.CONTINUE;
            }
          });
      tar.finish();
    } catch (Refused e) {
      throw new CommandFailure(ExitCode.USAGE, "--dir cannot be uploaded: " + e.getMessage());
    } catch (IOException e) {
      throw new CommandFailure(
          ExitCode.UNREADABLE, "cannot read --dir " + folder + ": " + e.getMessage());
    }
    if (bytes.size() > maxBytes) {
      throw new CommandFailure(
          ExitCode.USAGE,
          "--dir cannot be uploaded: it packs into more than " + maxBytes + " bytes");
    }
    return bytes.toByteArray();
  }

  private static String name(Path folder, Path path) {
    return folder.relativize(path).toString().replace('\\', '/');
  }

  private static final class Refused extends IOException {
    Refused(String message) {
      super(message, null);
    }
  }
}
