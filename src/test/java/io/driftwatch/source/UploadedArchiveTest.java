package io.driftwatch.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.testing.TarGz;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An uploaded project as hostile input: what is unpacked, and every way an archive is refused. */
class UploadedArchiveTest {

  private static final UploadedArchive.Limits LIMITS = new UploadedArchive.Limits(1024, 4096);

  @TempDir Path parent;

  private UploadedArchive unpack(TarGz archive) throws IOException {
    return UploadedArchive.unpack(archive.bytes(), parent, LIMITS);
  }

  private void refused(TarGz archive, String reason) {
    assertThatThrownBy(() -> unpack(archive))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessageContaining(reason);
    assertThat(parent.toFile().list()).as("nothing is left behind").isEmpty();
  }

  @Test
  void a_prisma_folder_is_unpacked_into_an_owner_only_folder_and_deleted_on_close()
      throws IOException {
    UploadedArchive archive =
        unpack(
            new TarGz()
                .folder("./")
                .file("./schema.prisma", "datasource db {}\n")
                .folder("./migrations/20240101000000_init")
                .file("./migrations/20240101000000_init/migration.sql", "SELECT 1;\n"));

    Path folder = archive.folder();
    assertThat(folder.resolve("migrations/20240101000000_init/migration.sql"))
        .hasContent("SELECT 1;");
    assertThat(Files.getPosixFilePermissions(folder))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    archive.close();
    assertThat(folder).doesNotExist();
  }

  @Test
  void names_that_leave_the_folder_or_fool_a_reader_are_refused() {
    refused(new TarGz().file("../outside.sql", "x"), "leaves the archive's folder");
    refused(new TarGz().file("migrations/../../x", "x"), "leaves the archive's folder");
    refused(new TarGz().file("/etc/cron.d/x", "x"), "is an absolute path");
    refused(new TarGz().file("mig\u001brations/x", "x"), "control character");
    refused(new TarGz().file("a\nb", "x"), "control character");
    refused(new TarGz().file("migrations\\x", "x"), "backslash");
    refused(new TarGz().file("x".repeat(1100), "x"), "longer than 1024");
  }

  @Test
  void links_devices_and_fifos_refuse_the_whole_archive() {
    refused(new TarGz().special("migrations", TarConstants.LF_SYMLINK, "/etc"), "is a link");
    refused(
        new TarGz()
            .file("schema.prisma", "x")
            .special("migrations/x/migration.sql", TarConstants.LF_LINK, "schema.prisma"),
        "is a link");
    refused(new TarGz().special("dev", TarConstants.LF_CHR, null), "not a file or a folder");
    refused(new TarGz().special("pipe", TarConstants.LF_FIFO, null), "not a file or a folder");
  }

  @Test
  void a_name_given_twice_or_below_a_file_is_refused() {
    refused(new TarGz().file("schema.prisma", "a").file("./schema.prisma", "b"), "twice");
    refused(new TarGz().file("migrations", "a").file("migrations/x.sql", "b"), "below a file");
  }

  @Test
  void files_and_the_whole_are_bounded_once_decompressed() {
    refused(new TarGz().file("big.sql", new byte[1025]), "holds more than 1024 bytes");
    TarGz many = new TarGz();
    for (int i = 0; i < 8; i++) {
      many.file("f" + i + ".sql", new byte[1000]);
    }
    refused(many, "more than 4096 bytes once decompressed");
  }

  @Test
  void what_is_no_tar_gz_says_so() throws IOException {
    assertThatThrownBy(() -> UploadedArchive.unpack("plain text".getBytes(), parent, LIMITS))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessageContaining("not a gzip stream");
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
      out.write("not a tar archive at all, just some words".repeat(20).getBytes());
    }
    assertThatThrownBy(() -> UploadedArchive.unpack(gzipped.toByteArray(), parent, LIMITS))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessageContaining("not a readable tar archive");
  }
}
