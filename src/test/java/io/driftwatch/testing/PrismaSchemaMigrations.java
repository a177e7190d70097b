package io.driftwatch.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Prisma project's migrations as {@code prisma migrate dev} writes them (the first two), then
 * hand-edited ones of the kind teams add: extensions, a second schema, a partial and a trigram
 * index, a check, an identity column, a view, a partitioned table. For catalog tests.
 */
public final class PrismaSchemaMigrations {

  private PrismaSchemaMigrations() {}

  public static final String INIT =
      """
      -- CreateExtension
      CREATE EXTENSION IF NOT EXISTS "citext";

      -- CreateEnum
      CREATE TYPE "Role" AS ENUM ('USER', 'EDITOR', 'ADMIN');

      -- CreateEnum
      CREATE TYPE "PostStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

      -- CreateTable
      CREATE TABLE "User" (
          "id" SERIAL NOT NULL,
          "email" CITEXT NOT NULL,
          "name" VARCHAR(255),
          "role" "Role" NOT NULL DEFAULT 'USER',
          "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
          "updatedAt" TIMESTAMP(3) NOT NULL,

          CONSTRAINT "User_pkey" PRIMARY KEY ("id")
      );

      -- CreateTable
      CREATE TABLE "Post" (
          "id" TEXT NOT NULL,
          "slug" TEXT NOT NULL,
          "title" TEXT NOT NULL,
          "content" TEXT,
          "status" "PostStatus" NOT NULL DEFAULT 'DRAFT',
          "tags" TEXT[],
          "price" DECIMAL(65,30),
          "authorId" INTEGER NOT NULL,
          "publishedAt" TIMESTAMP(3),

          CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
      );

      -- CreateIndex
      CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

      -- CreateIndex
      CREATE UNIQUE INDEX "Post_slug_key" ON "Post"("slug");

      -- CreateIndex
      CREATE INDEX "Post_authorId_publishedAt_idx" ON "Post"("authorId", "publishedAt" DESC);

      -- AddForeignKey
      ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
      """;

  public static final String AUDIT =
      """
      -- CreateSchema
      CREATE SCHEMA IF NOT EXISTS "audit";

      -- CreateEnum
      CREATE TYPE "audit"."Action" AS ENUM ('CREATE', 'UPDATE', 'DELETE');

      -- CreateTable
      CREATE TABLE "audit"."Event" (
          "id" BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY,
          "action" "audit"."Action" NOT NULL,
          "actions" "audit"."Action"[],
          "actorRole" "public"."Role",
          "userId" INTEGER,
          "payload" JSONB NOT NULL DEFAULT '{}',
          "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

          CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
      );

      -- AddForeignKey
      ALTER TABLE "audit"."Event" ADD CONSTRAINT "Event_userId_fkey" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
      """;

  /** Hand-edited: what Prisma's schema cannot say. */
  public static final String SEARCH =
      """
      CREATE EXTENSION IF NOT EXISTS "pg_trgm";

      ALTER TABLE "User" ADD COLUMN "handle" TEXT COLLATE "C";
      ALTER TABLE "Post" ADD COLUMN "titleLower" TEXT GENERATED ALWAYS AS (lower("title")) STORED;

      CREATE INDEX "Post_published_idx" ON "Post"("publishedAt") WHERE "status" = 'PUBLISHED';
      CREATE INDEX "Post_title_trgm_idx" ON "Post" USING GIN ("title" gin_trgm_ops);
      CREATE INDEX "User_name_lower_idx" ON "User"(lower("name") DESC NULLS LAST) INCLUDE ("email");

      ALTER TABLE "Post" ADD CONSTRAINT "Post_price_check" CHECK ("price" >= 0);
      ALTER TABLE "Post" ADD CONSTRAINT "Post_title_slug_key" UNIQUE ("title", "slug");

      CREATE SEQUENCE "invoice_number_seq" AS BIGINT START WITH 1000 INCREMENT BY 10;

      CREATE VIEW "PublishedPost" AS
      SELECT p."id", p."title", u."email" AS "authorEmail"
      FROM "Post" p JOIN "User" u ON u."id" = p."authorId"
      WHERE p."status" = 'PUBLISHED';

      CREATE MATERIALIZED VIEW "audit"."ActionCount" AS
      SELECT "action", count(*) AS "count" FROM "audit"."Event" GROUP BY "action";
      """;

  public static final String MEASUREMENTS =
      """
      CREATE TABLE "Measurement" (
          "id" UUID NOT NULL DEFAULT gen_random_uuid(),
          "takenAt" TIMESTAMP(3) NOT NULL,
          "value" DOUBLE PRECISION NOT NULL,

          CONSTRAINT "Measurement_pkey" PRIMARY KEY ("id", "takenAt")
      ) PARTITION BY RANGE ("takenAt");

      CREATE TABLE "Measurement_2025" PARTITION OF "Measurement" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

      CREATE INDEX "Measurement_value_idx" ON "Measurement"("value");
      """;

  /** Migration name to script, in order. */
  public static Map<String, String> all() {
    Map<String, String> migrations = new LinkedHashMap<>();
    migrations.put("20250101000000_init", INIT);
    migrations.put("20250102000000_audit", AUDIT);
    migrations.put("20250103000000_search", SEARCH);
    migrations.put("20250104000000_measurements", MEASUREMENTS);
    return migrations;
  }

  /** A new database, managed by Prisma, with every migration deployed. */
  public static TargetDatabase deployed() {
    TargetDatabase target = TargetDatabase.create().managedByPrisma();
    all().forEach(target::deploy);
    return target;
  }
}
