package io.driftwatch.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.source.PathSourceSpec;
import io.driftwatch.source.SourceSpec;
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
        return new PathSourceSpec(text(node, "path"), text(node, "migrationsPath"), text(node, "schemaPath"));
      }
      throw new IllegalStateException("stored source has unknown type " + type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored source is not valid JSON", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
