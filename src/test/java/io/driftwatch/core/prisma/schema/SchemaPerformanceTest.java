package io.driftwatch.core.prisma.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A 300-model schema reads in milliseconds: one pass, no backtracking. */
class SchemaPerformanceTest {

  static String largeSchema(int models) {
    StringBuilder text = new StringBuilder("""
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
      text.append("/// model ").append(i).append('\n')
          .append("model M").append(i).append(" {\n")
          .append("  id        Int      @id @default(autoincrement())\n")
          .append("  name      String   @map(\"name_").append(i).append("\") @db.VarChar(200)\n")
          .append("  email     String   @unique\n")
          .append("  status    Status   @default(ACTIVE)\n")
          .append("  payload   Json?\n")
          .append("  createdAt DateTime @default(now()) @map(\"created_at\") @db.Timestamptz(6)\n")
          .append("  tags      Tag[] // implicit many-to-many\n");
      if (i > 0) {
        text.append("  parentId  Int?     @map(\"parent_id\")\n")
            .append("  parent    M").append(i - 1)
            .append("?      @relation(fields: [parentId], references: [id], onDelete: SetNull)\n");
      }
      if (i < models - 1) {
        text.append("  children  M").append(i + 1).append("[]\n");
      }
      text.append("  @@index([name, createdAt(sort: Desc)])\n")
          .append("  @@map(\"m_").append(i).append("\")\n")
          .append("}\n\n");
    }
    return text.toString();
  }

  @Test
  void three_hundred_models_in_a_few_milliseconds() throws Exception {
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
    long medianMillis = nanos[nanos.length / 2] / 1_000_000;

    assertThat(schema.models()).hasSize(301);
    assertThat(schema.joinTables()).hasSize(300);
    assertThat(schema.databaseTables()).hasSize(601);
    // typically 2-5 ms; the bound leaves room for a busy shared machine
    assertThat(medianMillis).as("median parse time of %d KB, ms", text.length() / 1024).isLessThan(100);
  }
}
