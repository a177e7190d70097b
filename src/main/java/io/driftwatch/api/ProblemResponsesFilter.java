package io.driftwatch.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents, on every /api operation, that errors come as {@code application/problem+json} ({@link
 * Problem}), next to the success responses generated from the code.
 */
public class ProblemResponsesFilter implements OASFilter {

  private static final String PROBLEM_REF = "#/components/schemas/Problem";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    openAPI
        .getComponents()
        .addSchema(
            "FieldError",
            object(
                Map.of(
                    "field", string("The invalid field, e.g. source.path"),
                    "message", string("What is wrong with it"))))
        .addSchema(
            "Problem",
            object(
                Map.of(
                    "type",
                        string(
                            "A URN naming the kind of problem, e.g. urn:driftwatch:problem:environment-not-found"),
                    "title", string("Short summary of the kind of problem"),
                    "status",
                        OASFactory.createSchema()
                            .addType(Schema.SchemaType.INTEGER)
                            .description("The HTTP status"),
                    "detail", string("What went wrong in this request, and how to fix it"),
                    "instance", string("The request path"),
                    "errors",
                        OASFactory.createSchema()
                            .addType(Schema.SchemaType.ARRAY)
                            .items(OASFactory.createSchema().ref("#/components/schemas/FieldError"))
                            .description("One entry per invalid field"))));
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) -> {
              if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(ProblemResponsesFilter::addProblems);
              }
            });
  }

  private static void addProblems(Operation operation) {
    if (operation.getResponses().hasAPIResponse("401")) {
      operation
          .getResponses()
          .addAPIResponse("401", problem("No token, or an unknown, revoked or malformed one"))
          .addAPIResponse("403", problem("The token's role may not do this"))
          .addAPIResponse(
              "429",
              problem(
                  "Too many wrong tokens from this client lately: every request with a token "
                      + "is refused until the Retry-After header's seconds have passed"));
    }
    operation
        .getResponses()
        .addAPIResponse("4XX", problem("The request cannot be served; the problem says why"))
        .addAPIResponse(
            "5XX",
            problem(
                "driftwatch failed (500: the problem names the incident to look for in the log) "
                    + "or cannot serve for now (503, with Retry-After: its store is unreachable, or no master key is configured)"));
  }

  private static APIResponse problem(String description) {
    Content content =
        OASFactory.createContent()
            .addMediaType(
                Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    return OASFactory.createAPIResponse().description(description).content(content);
  }

  private static Schema object(Map<String, Schema> properties) {
    Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
    List.copyOf(new TreeMap<>(properties).entrySet())
        .forEach(entry -> schema.addProperty(entry.getKey(), entry.getValue()));
    return schema;
  }

  private static Schema string(String description) {
    return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
  }
}
