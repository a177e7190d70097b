package io.driftwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.prisma.schema.PrismaSchema;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Prints how long a 300-model schema takes to read (one pass, no backtracking), and checks what it
 * read. A benchmark, not a timed test: {@code mvn test -Dtest=PrismaSchemaBenchmark}.
 */
class PrismaSchemaBenchmark {

  static String largeSchema(int models) {
    StringBuilder text =
        new StringBuilder(
            """
        datasource db {
          provider = "postgresql"
          url      = env("DATABASE_URL")
        }
        enum Status {
          ACTIVE   @map("active")
          ARCHIVED @map("archived")
        }
        model Tag {
          id Int @id
        """);
    for (int i = 0; i < models; i++) {
      text.append("  m").append(i).append(" M").append(i).append("[]\n");
    }
    text.append("}\n");
    for (int i = 0; i < models; i++) {
      text.append("/// model ")
          .append(i)
          .append('\n')
          .append("model M")
          .append(i)
          .append(" {\n")
          .append("  id        Int      @id @default(autoincrement())\n")
          .append("  name      String   @map(\"name_")
          .append(i)
          .append("\") @db.VarChar(200)\n")
          .append("  email     String   @unique\n")
          .append("  status    Status   @default(ACTIVE)\n")
          .append("  payload   Json?\n")
          .append("  createdAt DateTime @default(now()) @map(\"created_at\") @db.Timestamptz(6)\n")
          .append("  tags      Tag[] // implicit many-to-many\n");
      if (i > 0) {
        text.append("  parentId  Int?     @map(\"parent_id\")\n")
            .append("  parent    M")
            .append(i - 1)
            .append("?      @relation(fields: [parentId], references: [id], onDelete: SetNull)\n");
      }
      if (i < models - 1) {
        text.append("  children  M").append(i + 1).append("[]\n");
      }
      text.append("  @@index([name, createdAt(sort: Desc)])\n")
          .append("  @@map(\"m_")
          .append(i)
          .append("\")\n")
          .append("}\n\n");
    }
    return text.toString();
  }

  @Test
  void three_hundred_models() throws Exception {
    String text = largeSchema(300);
    for (int i = 0; i < 30; i++) { // warm up the JIT
      PrismaSchema.parse(text).databaseTables();
    }
    long[] nanos = new long[21];
    PrismaSchema schema = null;
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      schema = PrismaSchema.parse(text);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%nPRISMA SCHEMA: %d models, %d KB: parse p50 %.2f ms, best %.2f ms, worst %.2f ms%n%n",
        300,
        text.length() / 1024,
        nanos[nanos.length / 2] / 1e6,
        nanos[0] / 1e6,
        nanos[nanos.length - 1] / 1e6);

    assertThat(schema.models()).hasSize(301);
    assertThat(schema.joinTables()).hasSize(300);
    assertThat(schema.databaseTables()).hasSize(601);
  }
}
