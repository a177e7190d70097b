package io.driftwatch.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogTest {

  @Test
  void catalogs_built_in_any_order_are_equal_and_sorted_by_name() {
    Table user = CatalogDdlTest.USER_TABLE;
    Table post = CatalogDdlTest.POST_TABLE;
    EnumType role = CatalogDdlTest.ROLE_ENUM;
    EnumType status = new EnumType(QualifiedName.of("public", "Status"), List.of("B", "A"));

    Catalog one =
        new Catalog(
            15,
            List.of("public", "audit"),
            List.of(user, post),
            List.of(status, role),
            List.of(),
            List.of(),
            List.of());
    Catalog other =
        new Catalog(
            15,
            List.of("audit", "public"),
            List.of(post, user),
            List.of(role, status),
            List.of(),
            List.of(),
            List.of());

    assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    assertThat(one.schemas()).containsExactly("audit", "public");
    assertThat(one.tables()).extracting(Table::name).containsExactly(post.name(), user.name());
    assertThat(status.values()).as("enum values keep their order").containsExactly("B", "A");
  }

  @Test
  void tables_sort_constraints_and_indexes_by_name_but_keep_column_and_key_order() {
    Index b = CatalogFilterTest.index("b_idx");
    Index a = CatalogFilterTest.index("a_idx");
    List<Column> columns = List.of(Column.of("z", "text", true), Column.of("a", "text", true));
    Table table =
        new Table(
            QualifiedName.of("public", "T"),
            columns,
            Optional.of(new PrimaryKey("T_pkey", List.of("z", "a"), "PRIMARY KEY (z, a)", false)),
            List.of(),
            List.of(),
            List.of(
                new CheckConstraint("T_z_check", List.of("z"), "CHECK (z <> '')", false),
                new CheckConstraint("T_a_check", List.of("a"), "CHECK (a <> '')", false)),
            List.of(),
            List.of(b, a),
            Optional.empty(),
            Optional.empty());

    assertThat(table.columns()).extracting(Column::name).containsExactly("z", "a");
    assertThat(table.primaryKey().orElseThrow().columns()).containsExactly("z", "a");
    assertThat(table.indexes()).extracting(Index::name).containsExactly("a_idx", "b_idx");
    assertThat(table.constraints())
        .extracting(Constraint::name)
        .containsExactly("T_a_check", "T_pkey", "T_z_check");
    assertThat(table.constraint("T_pkey"))
        .get()
        .extracting(Constraint::kind)
        .isEqualTo(ConstraintKind.PRIMARY_KEY);
  }

  @Test
  void the_model_is_immutable() {
    List<Column> columns = new ArrayList<>(List.of(Column.of("id", "integer", false)));
    Table table = Table.of(QualifiedName.of("public", "T"), columns);
    columns.add(Column.of("late", "text", true));

    assertThat(table.columns()).hasSize(1);
    assertThatThrownBy(() -> table.columns().add(Column.of("x", "text", true)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void referential_actions_read_postgres_codes() {
    assertThat(ReferentialAction.fromCode('a')).isEqualTo(ReferentialAction.NO_ACTION);
    assertThat(ReferentialAction.fromCode('n').sql()).isEqualTo("SET NULL");
    assertThatThrownBy(() -> ReferentialAction.fromCode('z'))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
