package io.driftwatch.core.prisma.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Prisma names to database names: @map/@@map, enums, relation fields, ignore, views, ids. */
class SchemaMappingTest {

  private static final String SHOP =
      """
      // A realistic single-file schema
      datasource db {
        provider     = "postgresql"
        url          = env("DATABASE_URL")
        directUrl    = env("DIRECT_URL") // comment after a key
        relationMode = "foreignKeys"
      }

      generator client {
        provider        = "prisma-client-js"
        previewFeatures = ["fullTextSearchPostgres", "views"]
        binaryTargets   = ["native", "debian-openssl-3.0.x"]
      }

      /// A customer
      model User {
        id        String   @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid
        email     String   @unique(map: "users_email_unique") @db.VarChar(320)
        fullName  String?  @map("full_name")
        role      Role     @default(CUSTOMER)
        createdAt DateTime @default(now()) @map("created_at") @db.Timestamptz(6)
        orders    Order[]
        profile   Profile?
        legacyId  Int?     @ignore @map("legacy_id")

        @@map("users")
        @@index([createdAt(sort: Desc)], map: "users_created_idx")
      }

      model Profile {
        userId String @id @map("user_id") @db.Uuid
        bio    String
        user   User   @relation(fields: [userId], references: [id], onDelete: Cascade)
        @@map("profiles")
      }

      model Order {
        id        Int                      @id @default(autoincrement())
        userId    String                   @map("user_id") @db.Uuid
        user      User                     @relation(fields: [userId], references: [id], map: "orders_user_fk")
        status    OrderStatus              @default(PENDING)
        total     Decimal                  @db.Decimal(12, 2)
        area      Unsupported("geometry")?
        lines     OrderLine[]
        @@map("orders")
        @@unique([userId, id], name: "userOrder")
      }

      model OrderLine {
        orderId   Int
        lineNo    Int     @map("line_no")
        sku       String
        quantity  Int     @default(1)
        order     Order   @relation(fields: [orderId], references: [id])
        @@id([orderId, lineNo], map: "order_lines_pk")
        @@map("order_lines")
      }

      model AuditTrail {
        id      BigInt @id
        payload Json
        @@ignore
      }

      view OrderTotals {
        userId String  @unique @map("user_id")
        total  Decimal
        @@map("order_totals")
      }

      enum Role {
        CUSTOMER
        ADMIN    @map("administrator")
        @@map("user_role")
      }

      enum OrderStatus {
        PENDING   @map("pending")
        SHIPPED   @map("shipped")
        CANCELLED // not mapped
      }
      """;

  @Test
  void tables_and_columns_use_map_names() throws Exception {
    PrismaSchema schema = PrismaSchema.parse(SHOP);
    assertThat(schema.models())
        .extracting(PrismaModel::name, PrismaModel::databaseName)
        .containsExactly(
            Tuple.tuple("User", "users"),
            Tuple.tuple("Profile", "profiles"),
            Tuple.tuple("Order", "orders"),
            Tuple.tuple("OrderLine", "order_lines"),
            Tuple.tuple("AuditTrail", "AuditTrail"));
    PrismaModel user = schema.model("User").orElseThrow();
    assertThat(user.columns())
        .extracting(PrismaField::columnName)
        .containsExactly("id", "email", "full_name", "role", "created_at", "legacy_id");
    assertThat(user.schema()).isEmpty();
  }

  @Test
  void relation_fields_make_no_column_their_scalar_fields_do() throws Exception {
    PrismaModel order = PrismaSchema.parse(SHOP).model("Order").orElseThrow();
    assertThat(order.columns())
        .extracting(PrismaField::name)
        .containsExactly("id", "userId", "status", "total", "area");
    PrismaField user = order.field("user").orElseThrow();
    assertThat(user.kind()).isEqualTo(FieldKind.RELATION);
    assertThat(user.isColumn()).isFalse();
    PrismaRelation relation = user.relation().orElseThrow();
    assertThat(relation.relatedModel()).isEqualTo("User");
    assertThat(relation.fields()).containsExactly("userId");
    assertThat(relation.references()).containsExactly("id");
    assertThat(relation.foreignKeyName()).contains("orders_user_fk");
    assertThat(relation.isForward()).isTrue();
    PrismaRelation lines = order.field("lines").orElseThrow().relation().orElseThrow();
    assertThat(lines.isForward()).isFalse();
    assertThat(lines.name()).isEmpty();
  }

  @Test
  void enum_typed_fields_are_columns_typed_with_the_enum() throws Exception {
    PrismaSchema schema = PrismaSchema.parse(SHOP);
    PrismaField status = schema.model("Order").orElseThrow().field("status").orElseThrow();
    assertThat(status.kind()).isEqualTo(FieldKind.ENUM);
    assertThat(status.isColumn()).isTrue();
    assertThat(status.defaultValue()).contains(new PrismaValue.ConstantValue("PENDING"));
  }

  @Test
  void enums_use_map_for_the_type_and_for_each_value() throws Exception {
    PrismaSchema schema = PrismaSchema.parse(SHOP);
    PrismaEnum role = schema.enumType("Role").orElseThrow();
    assertThat(role.databaseName()).isEqualTo("user_role");
    assertThat(role.databaseValues()).containsExactly("CUSTOMER", "administrator");
    PrismaEnum status = schema.enumType("OrderStatus").orElseThrow();
    assertThat(status.databaseName()).isEqualTo("OrderStatus");
    assertThat(status.databaseValues()).containsExactly("pending", "shipped", "CANCELLED");
    assertThat(status.value("SHIPPED").orElseThrow().position().line()).isEqualTo(79);
  }

  @Test
  void unsupported_types_are_columns_with_their_database_type() throws Exception {
    PrismaField area =
        PrismaSchema.parse(SHOP).model("Order").orElseThrow().field("area").orElseThrow();
    assertThat(area.kind()).isEqualTo(FieldKind.UNSUPPORTED);
    assertThat(area.type().unsupported()).contains("geometry");
    assertThat(area.isOptional()).isTrue();
    assertThat(area.isColumn()).isTrue();
  }

  @Test
  void primary_keys_single_and_composite_with_map_names() throws Exception {
    PrismaSchema schema = PrismaSchema.parse(SHOP);
    PrismaIndex userPk = schema.model("User").orElseThrow().primaryKey().orElseThrow();
    assertThat(userPk.fields()).containsExactly("id");
    assertThat(userPk.map()).isEmpty();
    PrismaIndex linePk = schema.model("OrderLine").orElseThrow().primaryKey().orElseThrow();
    assertThat(linePk.type()).isEqualTo(PrismaIndex.Type.PRIMARY_KEY);
    assertThat(linePk.fields()).containsExactly("orderId", "lineNo");
    assertThat(linePk.map()).contains("order_lines_pk");
  }

  @Test
  void unique_constraints_and_indexes_keep_their_map_and_name() throws Exception {
    PrismaSchema schema = PrismaSchema.parse(SHOP);
    assertThat(schema.model("User").orElseThrow().indexes())
        .extracting(PrismaIndex::type, PrismaIndex::fields, PrismaIndex::map)
        .containsExactly(
            Tuple.tuple(
                PrismaIndex.Type.UNIQUE, List.of("email"), Optional.of("users_email_unique")),
            Tuple.tuple(
                PrismaIndex.Type.INDEX, List.of("createdAt"), Optional.of("users_created_idx")));
    PrismaIndex userOrder = schema.model("Order").orElseThrow().indexes().get(0);
    assertThat(userOrder.name()).contains("userOrder");
    assertThat(userOrder.map()).isEmpty();
  }

  @Test
  void ignore_and_block_ignore_are_kept_and_marked() throws Exception {
    PrismaSchema schema = PrismaSchema.parse(SHOP);
    assertThat(schema.model("AuditTrail").orElseThrow().ignored()).isTrue();
    assertThat(schema.model("User").orElseThrow().ignored()).isFalse();
    PrismaField legacy = schema.model("User").orElseThrow().field("legacyId").orElseThrow();
    assertThat(legacy.ignored()).isTrue();
    assertThat(legacy.columnName()).isEqualTo("legacy_id");
  }

  @Test
  void views_are_kept_apart_from_models() throws Exception {
    PrismaSchema schema = PrismaSchema.parse(SHOP);
    assertThat(schema.model("OrderTotals")).isEmpty();
    PrismaModel view = schema.view("OrderTotals").orElseThrow();
    assertThat(view.isView()).isTrue();
    assertThat(view.databaseName()).isEqualTo("order_totals");
    assertThat(view.columns())
        .extracting(PrismaField::columnName)
        .containsExactly("user_id", "total");
  }

  @Test
  void datasource_and_generator() throws Exception {
    PrismaSchema schema = PrismaSchema.parse(SHOP);
    DatasourceBlock db = schema.datasource().orElseThrow();
    assertThat(db.name()).isEqualTo("db");
    assertThat(db.provider()).contains("postgresql");
    assertThat(db.schemas()).isEmpty();
    assertThat(db.usesForeignKeys()).isTrue();
    assertThat(db.properties()).containsKeys("url", "directUrl");
    assertThat(schema.generators())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.provider()).contains("prisma-client-js");
              assertThat(g.previewFeatures()).containsExactly("fullTextSearchPostgres", "views");
            });
  }

  @Test
  void native_types_and_unknown_attributes_survive() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        model A {
          id   Int    @id @someday(future: true, list: [1, 2])
          name String @db.VarChar(255) @shardKey
          @@someBlockAttribute("x")
        }
        """);
    PrismaModel a = schema.model("A").orElseThrow();
    assertThat(a.field("id").orElseThrow().attribute("someday").orElseThrow().argument("future"))
        .contains(new PrismaValue.ConstantValue("true"));
    assertThat(a.field("name").orElseThrow().nativeType().orElseThrow().name())
        .isEqualTo("db.VarChar");
    assertThat(a.attribute("someBlockAttribute")).isPresent();
  }

  @Test
  void multi_schema_places_models_and_enums_in_their_schema() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        generator client {
          provider        = "prisma-client-js"
          previewFeatures = ["multiSchema"]
        }
        datasource db {
          provider = "postgresql"
          url      = env("DATABASE_URL")
          schemas  = ["public", "auth"]
        }
        model Account {
          id   Int    @id
          kind Kind
          @@schema("auth")
          @@map("accounts")
        }
        model Post {
          id Int @id
          @@schema("public")
        }
        enum Kind {
          A
          @@schema("auth")
        }
        """);
    assertThat(schema.datasource().orElseThrow().schemas()).containsExactly("public", "auth");
    assertThat(schema.model("Account").orElseThrow().schema()).contains("auth");
    assertThat(schema.model("Post").orElseThrow().schema()).contains("public");
    assertThat(schema.enumType("Kind").orElseThrow().schema()).contains("auth");
  }

  @Test
  void relation_mode_prisma_means_no_foreign_keys() throws Exception {
    assertThat(
            PrismaSchema.parse(
                    "datasource db {\n provider = \"mysql\"\n relationMode = \"prisma\"\n}\n")
                .datasource()
                .orElseThrow()
                .usesForeignKeys())
        .isFalse();
    assertThat(
            PrismaSchema.parse(
                    "datasource db {\n provider = \"mysql\"\n referentialIntegrity = \"prisma\"\n}\n")
                .datasource()
                .orElseThrow()
                .usesForeignKeys())
        .isFalse();
  }

  @Test
  void composite_types_and_type_aliases_are_read_and_resolve() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        datasource db {
          provider = "mongodb"
          url      = env("DATABASE_URL")
        }
        type Address {
          street String
          city   String
        }
        type Email = String @unique
        model Customer {
          id      String  @id @map("_id")
          address Address
          email   Email
        }
        """);
    assertThat(schema.compositeTypes())
        .extracting(PrismaCompositeType::name)
        .containsExactly("Address");
    PrismaModel customer = schema.model("Customer").orElseThrow();
    assertThat(customer.field("address").orElseThrow().kind()).isEqualTo(FieldKind.COMPOSITE);
    assertThat(customer.field("email").orElseThrow().kind()).isEqualTo(FieldKind.SCALAR);
  }

  @Test
  void empty_schema_and_comment_only_schema() throws Exception {
    assertThat(PrismaSchema.parse("").models()).isEmpty();
    assertThat(PrismaSchema.parse("// nothing here\n\n/// still nothing").datasource()).isEmpty();
  }
}
