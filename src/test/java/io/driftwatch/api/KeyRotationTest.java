package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.driftwatch.secrets.SecretCipher;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.driftwatch.testing.TestPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Rotation: a secret sealed under a previous key still opens (audits run), and the admin call moves
 * it to the current key.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class KeyRotationTest {

  @Test
  void secrets_under_a_previous_key_still_work_and_are_resealed_under_the_current_one()
      throws Exception {
    byte[] previousKey =
        Base64.getDecoder()
            .decode(
                ConfigProvider.getConfig()
                    .getValue("driftwatch.previous-master-keys", String.class));
    byte[] currentKey =
        Base64.getDecoder()
            .decode(ConfigProvider.getConfig().getValue("driftwatch.master-key", String.class));
    String currentId = SecretCipher.keyIdOf(currentKey);

    try (TargetDatabase target = TargetDatabase.create().managedByPrisma();
        PrismaFolder folder =
            PrismaFolder.create().migration("20240101000000_init", "SELECT 1;\n")) {
      target.deploy("20240101000000_init", "SELECT 1;\n");
      String environment = Environments.register(target, folder);
      setStoredUrl(environment, new SecretCipher(previousKey).encrypt(target.prismaUrl()));
      assertThat(storedUrl(environment))
          .startsWith("v1:" + SecretCipher.keyIdOf(previousKey) + ":");

      assertThat(Environments.audit(environment).getString("outcome")).isEqualTo("CLEAN");

      given()
          .post("/api/v1/secrets/reseal")
          .then()
          .statusCode(200)
          .body("keyId", equalTo(currentId))
          .body("resealed", greaterThanOrEqualTo(1));
      assertThat(storedUrl(environment)).startsWith("v1:" + currentId + ":");
      assertThat(new SecretCipher(currentKey).decrypt(storedUrl(environment)))
          .isEqualTo(target.prismaUrl());
      given().post("/api/v1/secrets/reseal").then().statusCode(200).body("resealed", equalTo(0));

      assertThat(Environments.audit(environment).getString("outcome")).isEqualTo("CLEAN");
      given()
          .get("/api/v1/changes")
          .then()
          .statusCode(200)
          .body("find { it.action == 'secrets.resealed' }.subject", equalTo("key " + currentId));
    }
  }

  @Test
  void the_recorded_global_webhook_is_resealed_too() throws Exception {
    byte[] previousKey =
        Base64.getDecoder()
            .decode(
                ConfigProvider.getConfig()
                    .getValue("driftwatch.previous-master-keys", String.class));
    byte[] currentKey =
        Base64.getDecoder()
            .decode(ConfigProvider.getConfig().getValue("driftwatch.master-key", String.class));
    String webhook = "https://hooks.slack.com/services/T000/B000/rotated";
    try (Connection store = TestPostgres.server().connect(StoreDatabase.current())) {
      try (PreparedStatement update =
          store.prepareStatement("UPDATE alert_default_webhook SET webhook_secret = ?")) {
        update.setString(1, new SecretCipher(previousKey).encrypt(webhook));
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
      try {
        given()
            .post("/api/v1/secrets/reseal")
            .then()
            .statusCode(200)
            .body("resealed", greaterThanOrEqualTo(1));
        try (PreparedStatement query =
                store.prepareStatement("SELECT webhook_secret FROM alert_default_webhook");
            ResultSet row = query.executeQuery()) {
          assertThat(row.next()).isTrue();
          assertThat(row.getString(1)).startsWith("v1:" + SecretCipher.keyIdOf(currentKey) + ":");
          assertThat(new SecretCipher(currentKey).decrypt(row.getString(1))).isEqualTo(webhook);
        }
      } finally {
        try (PreparedStatement reset =
            store.prepareStatement("UPDATE alert_default_webhook SET webhook_secret = NULL")) {
          reset.executeUpdate();
        }
      }
    }
  }

  @Test
  void only_admins_reseal() {
    given().auth().none().post("/api/v1/secrets/reseal").then().statusCode(401);
  }

  private static void setStoredUrl(String environment, String sealed) throws Exception {
    try (Connection store = TestPostgres.server().connect(StoreDatabase.current());
        PreparedStatement update =
            store.prepareStatement(
                "UPDATE environment SET database_url_secret = ? WHERE name = ?")) {
      update.setString(1, sealed);
      update.setString(2, environment);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  private static String storedUrl(String environment) throws Exception {
    try (Connection store = TestPostgres.server().connect(StoreDatabase.current());
        PreparedStatement query =
            store.prepareStatement("SELECT database_url_secret FROM environment WHERE name = ?")) {
      query.setString(1, environment);
      try (ResultSet rows = query.executeQuery()) {
        assertThat(rows.next()).isTrue();
        return rows.getString(1);
      }
    }
  }
}
