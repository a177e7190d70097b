package io.driftwatch.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.source.PathSourceSpec;
import io.driftwatch.source.SourceSpec;
import io.driftwatch.source.git.GitCredentials;
import io.driftwatch.source.git.GitSourceSpec;
import jakarta.enterprise.context.ApplicationScoped;

/** Stores a {@link SourceSpec} as JSON with its {@code type}, and reads it back. */
@ApplicationScoped
public class SourceSpecJson {

  private final ObjectMapper mapper;

  public SourceSpecJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public String write(SourceSpec spec) {
    ObjectNode node = mapper.valueToTree(spec);
    node.put("type", spec.type());
    return node.toString();
  }

  public SourceSpec read(String json) {
    try {
      JsonNode node = mapper.readTree(json);
      String type = node.path("type").asText();
      if (PathSourceSpec.TYPE.equals(type)) {
        return new PathSourceSpec(
            text(node, "path"), text(node, "migrationsPath"), text(node, "schemaPath"));
      }
      if (GitSourceSpec.TYPE.equals(type)) {
        return new GitSourceSpec(
            text(node, "url"),
            text(node, "ref"),
            text(node, "path"),
            text(node, "migrationsPath"),
            text(node, "schemaPath"));
      }
      throw new IllegalStateException("stored source has unknown type " + type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored source is not valid JSON", e);
    }
  }

  public String writeCredentials(GitCredentials credentials) {
    return mapper.valueToTree(credentials).toString();
  }

  public GitCredentials readCredentials(String json) {
    try {
      JsonNode node = mapper.readTree(json);
      return new GitCredentials(
          text(node, "username"),
          text(node, "token"),
          text(node, "sshPrivateKey"),
          text(node, "sshKnownHosts"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored credentials are not valid JSON");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
