package io.driftwatch.core.prisma.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.driftwatch.core.prisma.config.ConfigValue.FromEnvironment;
import io.driftwatch.core.prisma.config.ConfigValue.Literal;
import io.driftwatch.core.prisma.config.ConfigValue.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every form of {@code prisma.config.ts} seen in the wild, read or refused, exactly. */
class PrismaConfigReaderTest {

  private static final String FILE = "prisma.config.ts";

  private static PrismaConfig read(String text) {
    return PrismaConfigReader.read(text, FILE);
  }

  /** A config with only a schema, from the given expression. */
  private static PrismaConfig schemaOf(String expression) {
    return read("export default { schema: " + expression + " };");
  }

  /** A config with only a datasource URL, from the given expression. */
  private static PrismaConfig urlOf(String expression) {
    return read("export default { datasource: { url: " + expression + " } };");
  }

  private static Expected expected() {
    return new Expected();
  }

  /** Builds the exact record a test expects; every field not set is empty. */
  private static final class Expected {
    private Optional<ConfigValue> schema = Optional.empty();
    private Optional<ConfigValue> migrations = Optional.empty();
    private Optional<ConfigValue> views = Optional.empty();
    private List<String> tables = List.of();
    private List<String> enums = List.of();
    private boolean externalTables;
    private Optional<ConfigValue> url = Optional.empty();
    private Optional<ConfigValue> shadow = Optional.empty();
    private final List<UnreadKey> unread = new ArrayList<>();

    Expected schema(String relative) {
      schema = Optional.of(new Path(relative));
      return this;
    }

    Expected migrations(String relative) {
      migrations = Optional.of(new Path(relative));
      return this;
    }

    Expected views(String relative) {
      views = Optional.of(new Path(relative));
      return this;
    }

    Expected tables(String... names) {
      tables = List.of(names);
      return this;
    }

    Expected enums(String... names) {
      enums = List.of(names);
      return this;
    }

    Expected externalTablesEnabled() {
      externalTables = true;
      return this;
    }

    Expected url(ConfigValue value) {
      url = Optional.of(value);
      return this;
    }

    Expected shadow(ConfigValue value) {
      shadow = Optional.of(value);
      return this;
    }

    Expected unread(String key, String reason) {
      unread.add(new UnreadKey(key, reason));
      return this;
    }

    PrismaConfig build() {
      return new PrismaConfig(
          schema,
          migrations,
          views,
          tables,
          enums,
          externalTables,
          url,
          shadow,
          unread,
          Optional.empty());
    }
  }

  private static PrismaConfig unreadable(String reason) {
    return PrismaConfig.unreadable(reason);
  }

  private static FromEnvironment env(String variable) {
    return new FromEnvironment(variable);
  }

  @Nested
  class Forms_of_the_export {

    @Test
    void the_documented_define_config_form_is_read_key_by_key() {
      PrismaConfig config =
          read(
              """
              import "dotenv/config";
              import path from "node:path";
              import { defineConfig, env } from "prisma/config";
              export default defineConfig({
                schema: "prisma/schema",              // a file, or a folder of .prisma files
                migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts", initShadowDb: "..." },
                views: { path: "prisma/views" },
                tables: { external: ["public.users", "audit_log"] },
                enums: { external: ["public.role"] },
                experimental: { externalTables: true },
                datasource: { url: env("DATABASE_URL"), directUrl: env("DIRECT_URL"), shadowDatabaseUrl: env("SHADOW_DATABASE_URL") },
              });
              """);
      assertThat(config)
          .isEqualTo(
              expected()
                  .schema("prisma/schema")
                  .migrations("prisma/migrations")
                  .views("prisma/views")
                  .tables("public.users", "audit_log")
                  .enums("public.role")
                  .externalTablesEnabled()
                  .url(env("DATABASE_URL"))
                  .shadow(env("SHADOW_DATABASE_URL"))
                  .build());
      assertThat(config.readable()).isTrue();
      assertThat(config.hasDatasource()).isTrue();
    }

    @Test
    void an_object_that_satisfies_the_config_type() {
      assertThat(
              read(
                  """
                  import type { PrismaConfig } from "prisma";
                  export default {
                    schema: "./prisma/schema.prisma",
                  } satisfies PrismaConfig;
                  """))
          .isEqualTo(expected().schema("prisma/schema.prisma").build());
    }

    @Test
    void an_object_cast_with_as() {
      assertThat(read("export default { schema: 'db/schema.prisma' } as PrismaConfig"))
          .isEqualTo(expected().schema("db/schema.prisma").build());
    }

    @Test
    void a_constant_exported_afterwards() {
      assertThat(
              read(
                  """
                  import { defineConfig } from "prisma/config";
                  const config = defineConfig({ schema: "prisma/schema.prisma" });
                  export default config;
                  """))
          .isEqualTo(expected().schema("prisma/schema.prisma").build());
    }

    @Test
    void a_constant_with_a_type_annotation() {
      assertThat(
              read(
                  """
                  import type { PrismaConfig } from "prisma";
                  const config: PrismaConfig = { migrations: { path: "db/migrations" } };
                  export default config;
                  """))
          .isEqualTo(expected().migrations("db/migrations").build());
    }

    @Test
    void an_export_list_naming_the_default_before_the_constant_is_declared() {
      assertThat(read("export { config as default };\nconst config = { schema: 'a.prisma' };"))
          .isEqualTo(expected().schema("a.prisma").build());
    }

    @Test
    void common_js_module_exports_of_define_config() {
      assertThat(
              read(
                  """
                  const { defineConfig, env } = require("prisma/config");
                  const path = require("node:path");
                  module.exports = defineConfig({
                    schema: path.join(__dirname, "prisma", "schema.prisma"),
                    datasource: { url: env("DATABASE_URL") },
                  });
                  """))
          .isEqualTo(expected().schema("prisma/schema.prisma").url(env("DATABASE_URL")).build());
    }

    @Test
    void common_js_module_exports_of_an_object() {
      assertThat(read("module.exports = { schema: \"prisma/schema.prisma\" }"))
          .isEqualTo(expected().schema("prisma/schema.prisma").build());
    }

    @Test
    void compiled_type_script_exports_default() {
      assertThat(
              read(
                  """
                  "use strict";
                  Object.defineProperty(exports, "__esModule", { value: true });
                  const config_1 = require("prisma/config");
                  exports.default = (0, config_1.defineConfig)({ schema: "prisma" });
                  """))
          .isEqualTo(expected().schema("prisma").build());
    }

    @Test
    void type_script_export_equals() {
      assertThat(read("export = { schema: 'prisma/schema.prisma' };"))
          .isEqualTo(expected().schema("prisma/schema.prisma").build());
    }

    @Test
    void an_assignment_to_the_exported_object_is_seen_as_in_java_script() {
      assertThat(
              read(
                  """
                  const config = { schema: "a.prisma", migrations: { path: "m" } };
                  export default config;
                  config.schema = "b.prisma";
                  config.migrations.path = "db/migrations";
                  config["views"] = { path: "v" };
                  """))
          .isEqualTo(expected().schema("b.prisma").migrations("db/migrations").views("v").build());
    }

    @Test
    void an_assignment_with_an_operator_makes_the_key_unknown() {
      assertThat(
              read(
                  "const config = { schema: 'a' };\nconfig.schema += '.prisma';\nexport default config;"))
          .isEqualTo(expected().unread("schema", "changed with +=").build());
    }

    @Test
    void the_last_default_export_wins() {
      assertThat(read("module.exports = { schema: 'a' };\nmodule.exports = { schema: 'b' };"))
          .isEqualTo(expected().schema("b").build());
    }

    @Test
    void statements_the_reader_does_not_need_are_stepped_over() {
      assertThat(
              read(
                  """
                  #!/usr/bin/env node
                  import { defineConfig } from "prisma/config";
                  type Env = { DATABASE_URL: string };
                  interface Extra { schema: string }
                  enum Mode { A, B }
                  function helper(x: string): string { const schema = "inner"; return x; }
                  class Helper { schema = "field"; }
                  if (process.env.CI) { console.log("ci"); }
                  for (const x of [1, 2]) { console.log(x) }
                  console.log(`loading ${helper("config")}`);
                  export const schema = "prisma/schema.prisma";
                  export function unused() {}
                  export default defineConfig({ schema });
                  """))
          .isEqualTo(expected().schema("prisma/schema.prisma").build());
    }
  }

  @Nested
  class Paths {

    @Test
    void path_join_with_dirname() {
      assertThat(
              read(
                  """
                  import path from "node:path";
                  import { defineConfig } from "prisma/config";
                  export default defineConfig({ schema: path.join(__dirname, "prisma", "schema.prisma") });
                  """))
          .isEqualTo(expected().schema("prisma/schema.prisma").build());
    }

    @Test
    void path_resolve_with_dirname() {
      assertThat(
              read(
                  """
                  import * as path from "path";
                  export default { schema: path.resolve(__dirname, "db/schema") };
                  """))
          .isEqualTo(expected().schema("db/schema").build());
    }

    @Test
    void path_join_with_import_meta_dirname() {
      assertThat(
              read(
                  """
                  import path from "node:path";
                  export default { migrations: { path: path.join(import.meta.dirname, "prisma", "migrations") } };
                  """))
          .isEqualTo(expected().migrations("prisma/migrations").build());
    }

    @Test
    void join_and_resolve_imported_by_name() {
      assertThat(
              read(
                  """
                  import { join, resolve as r } from "node:path";
                  export default {
                    schema: join(__dirname, "prisma"),
                    migrations: { path: r(__dirname, "prisma", "migrations") },
                  };
                  """))
          .isEqualTo(expected().schema("prisma").migrations("prisma/migrations").build());
    }

    @Test
    void join_required_by_destructuring() {
      assertThat(
              read(
                  """
                  const { join: joinPath } = require("path");
                  module.exports = { views: { path: joinPath(__dirname, "views") } };
                  """))
          .isEqualTo(expected().views("views").build());
    }

    @Test
    void type_script_import_equals_and_var_declarations() {
      assertThat(
              read(
                  """
                  import path = require("node:path");
                  var dir = "db", file = "schema.prisma";
                  export default { schema: path.normalize(`./${dir}//${file}`) };
                  """))
          .isEqualTo(expected().schema("db/schema.prisma").build());
    }

    @Test
    void the_dirname_of_the_file_url_in_es_modules() {
      assertThat(
              read(
                  """
                  import path from "node:path";
                  import { fileURLToPath } from "node:url";
                  const __dirname = path.dirname(fileURLToPath(import.meta.url));
                  export default { schema: path.join(__dirname, "prisma/schema.prisma") };
                  """))
          .isEqualTo(expected().schema("prisma/schema.prisma").build());
    }

    @Test
    void a_join_that_is_not_imported_is_unknown() {
      assertThat(schemaOf("join(__dirname, 'prisma')"))
          .isEqualTo(expected().unread("schema", "a call to join()").build());
    }

    @Test
    void paths_are_normalised() {
      assertThat(schemaOf("'./prisma/x'")).isEqualTo(expected().schema("prisma/x").build());
      assertThat(schemaOf("'a//b/./c/'")).isEqualTo(expected().schema("a/b/c").build());
      assertThat(schemaOf("'a/../b'")).isEqualTo(expected().schema("b").build());
      assertThat(schemaOf("'../x'")).isEqualTo(expected().schema("../x").build());
      assertThat(schemaOf("'a/../../x'")).isEqualTo(expected().schema("../x").build());
      assertThat(schemaOf("'.'")).isEqualTo(expected().schema("").build());
      assertThat(schemaOf("__dirname")).isEqualTo(expected().schema("").build());
      assertThat(schemaOf("import.meta.dirname")).isEqualTo(expected().schema("").build());
    }

    @Test
    void an_absolute_path_stays_absolute() {
      PrismaConfig config = schemaOf("'/etc/../etc/x'");
      assertThat(config).isEqualTo(expected().schema("/etc/x").build());
      assertThat(((Path) config.schema().orElseThrow()).isAbsolute()).isTrue();
    }

    @Test
    void a_path_leaving_the_config_folder_keeps_its_dot_dot() {
      assertThat(
              read(
                  "import path from 'path';\n"
                      + "export default { schema: path.join(__dirname, '..', 'shared', 'schema.prisma') };"))
          .isEqualTo(expected().schema("../shared/schema.prisma").build());
    }

    @Test
    void resolve_and_cwd_without_dirname_are_the_config_folder() {
      assertThat(
              read("import path from 'path';\nexport default { schema: path.resolve('prisma') };"))
          .isEqualTo(expected().schema("prisma").build());
      assertThat(
              read(
                  "import path from 'path';\n"
                      + "export default { schema: path.join(process.cwd(), 'prisma') };"))
          .isEqualTo(expected().schema("prisma").build());
      assertThat(
              read(
                  "import path from 'path';\n"
                      + "export default { schema: path.resolve(__dirname, '/abs', 'x') };"))
          .isEqualTo(expected().schema("/abs/x").build());
    }

    @Test
    void template_literals_and_concatenation_of_literals() {
      assertThat(schemaOf("`prisma/schema.prisma`"))
          .isEqualTo(expected().schema("prisma/schema.prisma").build());
      assertThat(schemaOf("'prisma' + '/' + \"schema.prisma\""))
          .isEqualTo(expected().schema("prisma/schema.prisma").build());
      assertThat(schemaOf("`${__dirname}/prisma/${'schema'}.prisma`"))
          .isEqualTo(expected().schema("prisma/schema.prisma").build());
      assertThat(schemaOf("__dirname + '/prisma'")).isEqualTo(expected().schema("prisma").build());
    }

    @Test
    void a_name_glued_onto_the_folder_is_refused() {
      assertThat(schemaOf("__dirname + 'prisma'"))
          .isEqualTo(expected().unread("schema", "a name glued onto the config's folder").build());
      assertThat(schemaOf("'x' + __dirname"))
          .isEqualTo(
              expected().unread("schema", "the config's folder inside a longer string").build());
    }

    @Test
    void shorthand_property_from_a_top_level_constant() {
      assertThat(
              read(
                  """
                  import path from "node:path";
                  const PRISMA = "prisma";
                  const schema = path.join(PRISMA, "schema.prisma");
                  const migrations = { path: `${PRISMA}/migrations` };
                  export default { schema, migrations };
                  """))
          .isEqualTo(
              expected().schema("prisma/schema.prisma").migrations("prisma/migrations").build());
    }

    @Test
    void an_empty_or_non_string_path_is_unread() {
      assertThat(schemaOf("''")).isEqualTo(expected().unread("schema", "an empty string").build());
      assertThat(schemaOf("42"))
          .isEqualTo(expected().unread("schema", "a number, not a string").build());
      assertThat(schemaOf("['a']"))
          .isEqualTo(expected().unread("schema", "an array, not a string").build());
      assertThat(read("export default { migrations: 'prisma/migrations' }"))
          .isEqualTo(expected().unread("migrations", "a string, not an object").build());
    }

    @Test
    void undefined_is_the_same_as_absent() {
      assertThat(read("export default { schema: undefined, migrations: undefined }"))
          .isEqualTo(expected().build());
    }

    @Test
    void a_path_that_depends_on_the_environment_is_unread() {
      assertThat(schemaOf("process.env.SCHEMA ?? 'prisma/schema.prisma'"))
          .isEqualTo(
              expected().unread("schema", "depends on the environment variable SCHEMA").build());
      assertThat(schemaOf("env('SCHEMA')"))
          .isEqualTo(
              expected().unread("schema", "depends on the environment variable SCHEMA").build());
      assertThat(
              read(
                  """
                  import path from "node:path";
                  const SCHEMA_DIR = process.env.SCHEMA_DIR || "prisma";
                  export default { schema: path.join(__dirname, SCHEMA_DIR, "schema.prisma") };
                  """))
          .isEqualTo(
              expected()
                  .unread("schema", "depends on the environment variable SCHEMA_DIR")
                  .build());
      assertThat(schemaOf("`${process.env.ROOT}/schema.prisma`"))
          .isEqualTo(
              expected().unread("schema", "depends on the environment variable ROOT").build());
    }
  }

  @Nested
  class Datasource {

    @Test
    void every_way_of_naming_an_environment_variable() {
      PrismaConfig expected = expected().url(env("DATABASE_URL")).build();
      assertThat(urlOf("env('DATABASE_URL')")).isEqualTo(expected);
      assertThat(urlOf("env<Env>('DATABASE_URL')")).isEqualTo(expected);
      assertThat(urlOf("env<{ DATABASE_URL: string }>('DATABASE_URL')")).isEqualTo(expected);
      assertThat(urlOf("process.env.DATABASE_URL")).isEqualTo(expected);
      assertThat(urlOf("process.env[\"DATABASE_URL\"]")).isEqualTo(expected);
      assertThat(urlOf("process.env.DATABASE_URL ?? ''")).isEqualTo(expected);
      assertThat(urlOf("process.env.DATABASE_URL || 'postgres://localhost/dev'"))
          .isEqualTo(expected);
      assertThat(urlOf("process.env.DATABASE_URL!")).isEqualTo(expected);
      assertThat(urlOf("process.env.DATABASE_URL as string")).isEqualTo(expected);
      assertThat(urlOf("process?.env?.DATABASE_URL")).isEqualTo(expected);
    }

    @Test
    void env_imported_under_another_name() {
      assertThat(
              read(
                  """
                  import { defineConfig as define, env as e } from "prisma/config";
                  export default define({ datasource: { shadowDatabaseUrl: e("SHADOW") } });
                  """))
          .isEqualTo(expected().shadow(env("SHADOW")).build());
    }

    @Test
    void a_url_written_in_the_file_is_not_kept() {
      String secret = "postgresql://admin:s3cr3t-pa55@db.example.com:5432/app";
      PrismaConfig config =
          read(
              "export default { datasource: { url: \""
                  + secret
                  + "\", shadowDatabaseUrl: `"
                  + secret
                  + "_shadow` } }");
      assertThat(config).isEqualTo(expected().url(new Literal()).shadow(new Literal()).build());
      assertThat(config.toString()).doesNotContain("s3cr3t").doesNotContain("db.example.com");
    }

    @Test
    void a_url_built_from_a_literal_and_a_call_keeps_no_text_in_the_reason() {
      PrismaConfig config =
          read(
              "const password = getPassword();\n"
                  + "export default { datasource: { url: 'postgres://app:' + password + '@h1dden.host/db' } }");
      assertThat(config)
          .isEqualTo(expected().unread("datasource.url", "a call to getPassword()").build());
      assertThat(config.toString()).doesNotContain("h1dden").doesNotContain("postgres://");
      assertThat(config.hasDatasource()).isTrue();
    }

    @Test
    void an_environment_variable_with_a_name_no_one_would_give_one_is_not_kept() {
      PrismaConfig config = urlOf("env('postgres://u:pw@host/db')");
      assertThat(config)
          .isEqualTo(
              expected()
                  .unread(
                      "datasource.url", "an environment variable whose name is not a plain name")
                  .build());
      assertThat(config.toString()).doesNotContain("pw@host");
    }

    @Test
    void a_url_from_two_variables_is_unread() {
      assertThat(urlOf("process.env.A ?? process.env.B"))
          .isEqualTo(
              expected()
                  .unread("datasource.url", "depends on the environment variables A and B")
                  .build());
      assertThat(urlOf("`postgres://${process.env.USER}@localhost/db`"))
          .isEqualTo(
              expected()
                  .unread("datasource.url", "depends on the environment variable USER")
                  .build());
    }

    @Test
    void no_datasource() {
      PrismaConfig config = read("export default { schema: 'prisma' }");
      assertThat(config.hasDatasource()).isFalse();
      assertThat(read("export default { datasource: getDatasource() }"))
          .isEqualTo(expected().unread("datasource", "a call to getDatasource()").build());
      assertThat(read("export default { datasource: getDatasource() }").hasDatasource()).isTrue();
    }
  }

  @Nested
  class Externals {

    @Test
    void tables_and_enums_managed_outside_prisma() {
      assertThat(
              read(
                  """
                  export default {
                    experimental: { externalTables: true },
                    tables: { external: ["public.users", 'audit_log', `other.t`,] },
                    enums: { external: ["public.role"] },
                  };
                  """))
          .isEqualTo(
              expected()
                  .externalTablesEnabled()
                  .tables("public.users", "audit_log", "other.t")
                  .enums("public.role")
                  .build());
    }

    @Test
    void anything_but_string_literals_is_unread_and_the_literals_are_kept() {
      assertThat(
              read(
                  """
                  const base = ["a"];
                  export default {
                    tables: { external: [...base, "b", getMore(), 3] },
                    enums: { external: [...others, "e"] },
                  };
                  """))
          .isEqualTo(
              expected()
                  .tables("a", "b")
                  .enums("e")
                  .unread("tables.external", "an element: a call to getMore()")
                  .unread("enums.external", "an element: a spread (...others)")
                  .build());
      assertThat(read("export default { tables: { external: loadTables() } }"))
          .isEqualTo(expected().unread("tables.external", "a call to loadTables()").build());
      assertThat(read("export default { tables: { external: 'public.users' } }"))
          .isEqualTo(
              expected().unread("tables.external", "a string, not an array of strings").build());
    }

    @Test
    void the_experimental_flag_is_true_only_when_written_true() {
      assertThat(read("export default { experimental: { externalTables: false } }"))
          .isEqualTo(expected().build());
      assertThat(read("export default { experimental: {} }")).isEqualTo(expected().build());
      assertThat(read("export default { experimental: { externalTables: 'yes' } }"))
          .isEqualTo(
              expected().unread("experimental.externalTables", "a string, not a boolean").build());
      assertThat(
              read("export default { experimental: { externalTables: process.env.EXT === '1' } }"))
          .isEqualTo(
              expected()
                  .unread("experimental.externalTables", "depends on the environment variable EXT")
                  .build());
    }
  }

  @Nested
  class Syntax {

    @Test
    void comments_and_strings_holding_braces_and_slashes() {
      assertThat(
              read(
                  """
                  // export default { schema: "commented/out" }
                  /* export default { schema: "also } commented" } */
                  export default {
                    // schema: "nope",
                    seedNote: "a } and a { and // not a comment /* nor this */",
                    other: `template } with ${"}"} braces`,
                    schema: "prisma/schema.prisma", /* } */
                    pattern: /[}"]/g,
                    migrations: { path: 'it\\'s/"quoted"' },
                  };
                  """))
          .isEqualTo(
              expected().schema("prisma/schema.prisma").migrations("it's/\"quoted\"").build());
    }

    @Test
    void quoted_keys_trailing_commas_and_as_const() {
      assertThat(
              read(
                  """
                  export default {
                    "schema": "prisma/schema.prisma",
                    'migrations': { "path": "prisma/migrations", },
                    ["views"]: { path: "prisma/views" as const },
                  } as const;
                  """))
          .isEqualTo(
              expected()
                  .schema("prisma/schema.prisma")
                  .migrations("prisma/migrations")
                  .views("prisma/views")
                  .build());
    }

    @Test
    void duplicated_keys_the_last_wins() {
      assertThat(read("export default { schema: 'a', schema: getSchema(), schema: 'c' }"))
          .isEqualTo(expected().schema("c").build());
      assertThat(read("export default { schema: 'a', schema: getSchema() }"))
          .isEqualTo(expected().unread("schema", "a call to getSchema()").build());
    }

    @Test
    void without_semicolons() {
      assertThat(
              read(
                  """
                  import path from "node:path"
                  const dir = "prisma"
                  export default {
                    schema: path.join(dir, "schema.prisma")
                  }
                  """))
          .isEqualTo(expected().schema("prisma/schema.prisma").build());
    }

    @Test
    void unknown_keys_are_ignored_even_when_unreadable() {
      assertThat(
              read(
                  "export default { earlyAccess: true, adapter: async () => makeAdapter(), "
                      + "studio: { adapter: () => null }, schema: 'p' }"))
          .isEqualTo(expected().schema("p").build());
    }
  }

  @Nested
  class Unreadable_values {

    @Test
    void a_function_call() {
      assertThat(schemaOf("getSchema()"))
          .isEqualTo(expected().unread("schema", "a call to getSchema()").build());
      assertThat(schemaOf("paths.schema()"))
          .isEqualTo(expected().unread("schema", "a call to paths.schema()").build());
      assertThat(read("import path from 'path';\nexport default { schema: path.basename('x') }"))
          .isEqualTo(expected().unread("schema", "a call to path.basename()").build());
    }

    @Test
    void a_conditional() {
      assertThat(schemaOf("isDev ? 'a' : 'b'"))
          .isEqualTo(expected().unread("schema", "a conditional (... ? ... : ...)").build());
      assertThat(schemaOf("process.env.CI ? 'a' : 'b'"))
          .isEqualTo(expected().unread("schema", "depends on the environment variable CI").build());
    }

    @Test
    void names_that_are_not_constants_of_the_file() {
      assertThat(schemaOf("SCHEMA"))
          .isEqualTo(
              expected()
                  .unread("schema", "SCHEMA, which is not a constant written in this file")
                  .build());
      assertThat(read("import { SCHEMA } from './paths';\nexport default { schema: SCHEMA }"))
          .isEqualTo(expected().unread("schema", "SCHEMA, imported from ./paths").build());
      assertThat(read("function f() {}\nexport default { schema: f }"))
          .isEqualTo(expected().unread("schema", "the function f").build());
    }

    @Test
    void functions_getters_and_other_expressions() {
      assertThat(
              read(
                  """
                  export default {
                    schema: () => "prisma",
                    migrations: { get path() { return "m"; } },
                    views: { path: new URL("./views", import.meta.url).pathname },
                    datasource: { url: `${a}` + 1, shadowDatabaseUrl: -1 },
                  };
                  """))
          .isEqualTo(
              expected()
                  .unread("schema", "a function (an arrow function)")
                  .unread("migrations.path", "a getter")
                  .unread("views.path", "an object made with new URL()")
                  .unread("datasource.url", "a, which is not a constant written in this file")
                  .unread("datasource.shadowDatabaseUrl", "an expression with -")
                  .build());
    }

    @Test
    void a_spread_at_the_top_makes_every_key_before_it_unknowable() {
      assertThat(read("export default { schema: 'a', ...base, migrations: { path: 'm' } }"))
          .isEqualTo(expected().migrations("m").unread("(config)", "a spread (...base)").build());
    }

    @Test
    void a_spread_in_a_section_is_recorded_for_that_section() {
      assertThat(
              read(
                  "export default { datasource: { ...db.config(), shadowDatabaseUrl: env('S') } }"))
          .isEqualTo(
              expected()
                  .shadow(env("S"))
                  .unread("datasource", "a spread (...db.config())")
                  .build());
    }

    @Test
    void a_spread_of_an_object_written_in_the_file_is_read() {
      assertThat(
              read(
                  """
                  const base = { schema: "base.prisma", migrations: { path: "m" } };
                  const more = { ...base, schema: "more.prisma" };
                  export default { ...more, ...null, views: { path: "v" } };
                  """))
          .isEqualTo(expected().schema("more.prisma").migrations("m").views("v").build());
    }

    @Test
    void a_computed_key_that_cannot_be_read() {
      assertThat(read("export default { [key]: 'x', schema: 's' }"))
          .isEqualTo(expected().schema("s").unread("(config)", "a computed key").build());
      assertThat(read("export default { @decorated x: 1, schema: 's' }"))
          .isEqualTo(
              expected().schema("s").unread("(config)", "syntax beyond the reader (`@`)").build());
      assertThat(read("const K = 'schema';\nexport default { [K]: 'from-key' }"))
          .isEqualTo(expected().schema("from-key").build());
    }
  }

  @Nested
  class Unreadable_files {

    @Test
    void an_empty_file() {
      assertThat(read(""))
          .isEqualTo(
              unreadable(
                  "prisma.config.ts has no `export default` or `module.exports` that could be"
                      + " read"));
      assertThat(PrismaConfigReader.read(null, null))
          .isEqualTo(
              unreadable(
                  "the config file has no `export default` or `module.exports` that could be"
                      + " read"));
    }

    @Test
    void no_export() {
      assertThat(
              read("import { defineConfig } from 'prisma/config';\ndefineConfig({ schema: 'x' });"))
          .isEqualTo(
              unreadable(
                  "prisma.config.ts has no `export default` or `module.exports` that could be"
                      + " read"));
      assertThat(read("export const config = { schema: 'x' };"))
          .isEqualTo(
              unreadable(
                  "prisma.config.ts has no `export default` or `module.exports` that could be"
                      + " read"));
    }

    @Test
    void an_export_that_is_not_an_object() {
      assertThat(read("export default defineConfig(async () => ({ schema: 'x' }))"))
          .isEqualTo(
              unreadable(
                  "the default export of prisma.config.ts is not an object written in the file:"
                      + " an async function"));
      assertThat(read("export default function () { return { schema: 'x' }; }"))
          .isEqualTo(
              unreadable(
                  "the default export of prisma.config.ts is not an object written in the file:"
                      + " a function"));
      assertThat(read("export default makeConfig({ schema: 'x' })"))
          .isEqualTo(
              unreadable(
                  "the default export of prisma.config.ts is not an object written in the file:"
                      + " a call to makeConfig()"));
      assertThat(read("export { default } from './base.config'"))
          .isEqualTo(
              unreadable(
                  "the default export of prisma.config.ts is not an object written in the file:"
                      + " the default export of ./base.config"));
    }

    @Test
    void garbage() {
      assertThat(read("export default { schema: 'x' ]"))
          .isEqualTo(
              unreadable(
                  "prisma.config.ts could not be read: `]` at line 1 does not close `{` opened at"
                      + " line 1"));
      assertThat(read("\u0000\u0001 }}} garbage"))
          .isEqualTo(
              unreadable("prisma.config.ts could not be read: `}` at line 1 closes nothing"));
      assertThat(read("export default { schema: 'never closed }"))
          .isEqualTo(
              unreadable("prisma.config.ts could not be read: a string at line 1 is never closed"));
      assertThat(read("export default @@@ {}"))
          .isEqualTo(
              unreadable(
                  "the default export of prisma.config.ts is not an object written in the file:"
                      + " syntax beyond the reader (`@`)"));
    }

    @Test
    void a_file_over_the_size_limit() {
      String big =
          "export default { schema: 'x' };\n// " + "x".repeat(PrismaConfigReader.MAX_BYTES);
      assertThat(read(big)).isEqualTo(unreadable("prisma.config.ts is larger than 262144 bytes"));
      String multiByte =
          "export default { schema: 'x' };\n// " + "é".repeat(PrismaConfigReader.MAX_BYTES / 2);
      assertThat(read(multiByte))
          .isEqualTo(unreadable("prisma.config.ts is larger than 262144 bytes (262179 bytes)"));
    }

    @Test
    void ten_thousand_nested_brackets_return_without_overflowing() {
      for (String bracket : List.of("{", "[", "(")) {
        String text = "export default " + bracket.repeat(10_000);
        assertThat(read(text))
            .isEqualTo(
                unreadable(
                    "prisma.config.ts could not be read: brackets nested deeper than 64 levels at"
                        + " line 1"));
      }
      String closed = "export default " + "[".repeat(10_000) + "]".repeat(10_000);
      assertThat(read(closed).fileUnreadable())
          .contains(
              "prisma.config.ts could not be read: brackets nested deeper than 64 levels at line 1");
      String templates = "export default " + "`${".repeat(10_000);
      assertThat(read(templates).fileUnreadable())
          .contains(
              "prisma.config.ts could not be read: brackets nested deeper than 64 levels at line 1");
    }

    @Test
    void nesting_up_to_the_limit_is_read() {
      String deep =
          "export default { schema: 'x', other: " + "[".repeat(62) + "]".repeat(62) + " }";
      assertThat(read(deep)).isEqualTo(expected().schema("x").build());
    }

    @Test
    void the_deepest_nesting_is_read_on_a_small_stack() throws InterruptedException {
      String deep =
          "export default { schema: 'x', other: "
              + "{ a: ".repeat(62)
              + "1"
              + " }".repeat(62)
              + " }";
      PrismaConfig[] result = new PrismaConfig[1];
      Thread reader = new Thread(null, () -> result[0] = read(deep), "small-stack", 256 * 1024);
      reader.start();
      reader.join();
      assertThat(result[0]).isEqualTo(expected().schema("x").build());
    }

    @Test
    void too_many_tokens() {
      String text = "export default { schema: 'x' };\n" + ";".repeat(ConfigLexer.MAX_TOKENS);
      assertThat(read(text))
          .isEqualTo(unreadable("prisma.config.ts could not be read: more than 100000 tokens"));
    }
  }

  @Nested
  class Robustness {

    private static final String CORPUS =
        """
        import "dotenv/config";
        import path, { join } from "node:path";
        import { defineConfig, env } from "prisma/config";
        const base = { views: { path: `${__dirname}/views` } } as const;
        const dir: string = "prisma";
        export default defineConfig({
          ...base,
          schema: path.join(__dirname, dir, "schema.prisma"), // comment
          migrations: { path: join(import.meta.dirname, "prisma/migrations"), seed: "tsx seed.ts" },
          tables: { external: ["public.users", 'audit_log'] },
          enums: { external: [`public.role`] },
          experimental: { externalTables: true },
          /* block */ datasource: { url: env<Env>("DATABASE_URL"), shadowDatabaseUrl: process.env["SHADOW"] ?? "" },
          adapter: async () => { const x = /re}/g; return x ? 1 : 2 },
        }) satisfies PrismaConfig;
        """;

    @Test
    void the_corpus_itself_is_read() {
      assertThat(read(CORPUS))
          .isEqualTo(
              expected()
                  .schema("prisma/schema.prisma")
                  .migrations("prisma/migrations")
                  .views("views")
                  .tables("public.users", "audit_log")
                  .enums("public.role")
                  .externalTablesEnabled()
                  .url(env("DATABASE_URL"))
                  .shadow(env("SHADOW"))
                  .build());
    }

    @Test
    void truncations_and_mutations_never_throw_nor_hang() {
      Random random = new Random(0x5EED_C0DEL);
      String alphabet = "{}[]()`'\"/\\*$<>=!?.,:;+-\n x_0é";
      assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () -> {
            for (int cut = 0; cut <= CORPUS.length(); cut++) {
              check(CORPUS.substring(0, cut));
            }
            for (int round = 0; round < 3_000; round++) {
              StringBuilder text = new StringBuilder(CORPUS);
              int edits = 1 + random.nextInt(6);
              for (int e = 0; e < edits; e++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                  case 0 -> text.deleteCharAt(at);
                  case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                  default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
              }
              check(text.toString());
            }
            for (int round = 0; round < 500; round++) {
              StringBuilder text = new StringBuilder("export default ");
              int length = random.nextInt(400);
              for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
              }
              check(text.toString());
            }
          });
    }

    private void check(String text) {
      PrismaConfig config = read(text);
      assertThat(config).isNotNull();
      assertThat(config.fileUnreadable().orElse("")).doesNotContain("an error of the reader");
    }

    @Test
    void pathological_inputs_are_linear() {
      int n = 60_000;
      List<String> inputs =
          List.of(
              "export default { schema: " + "a < ".repeat(n / 2) + "b }",
              "export default { schema: " + "'x' + ".repeat(n / 2) + "'y' }",
              "const a = 'xxxxxxxxxxxxxxxx';\n"
                  + "const b = a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a;\n"
                  + "const c = b + b + b + b + b + b + b + b + b + b + b + b + b + b + b + b;\n"
                  + "const d = c + c + c + c + c + c + c + c + c + c + c + c + c + c + c + c;\n"
                  + "const e = d + d + d + d + d + d + d + d + d + d + d + d + d + d + d + d;\n"
                  + "export default { schema: e }",
              "const a = [1, 1];\n"
                  + "const b = [...a, ...a, ...a, ...a, ...a, ...a, ...a, ...a];\n".repeat(1)
                  + "const c = [...b, ...b, ...b, ...b, ...b, ...b, ...b, ...b];\n"
                  + "const d = [...c, ...c, ...c, ...c, ...c, ...c, ...c, ...c];\n"
                  + "const e = [...d, ...d, ...d, ...d, ...d, ...d, ...d, ...d];\n"
                  + "const f = [...e, ...e, ...e, ...e, ...e, ...e, ...e, ...e];\n"
                  + "const g = [...f, ...f, ...f, ...f, ...f, ...f, ...f, ...f];\n"
                  + "const h = [...g, ...g, ...g, ...g, ...g, ...g, ...g, ...g];\n"
                  + "export default { tables: { external: h } }",
              "export default { schema: " + "(".repeat(60) + "'x'" + ")".repeat(60) + " }",
              "x = ( " + "/ ".repeat(n),
              "export default {" + "a: 1,".repeat(n / 4) + "}",
              "export default " + "x.".repeat(n / 2) + "y",
              "export default { a: env" + "<".repeat(n / 2) + " }");
      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () -> {
            for (String input : inputs) {
              check(input);
            }
          });
      assertThat(read(inputs.get(3)))
          .isEqualTo(expected().unread("tables.external", "values too large to read").build());
    }
  }
}
