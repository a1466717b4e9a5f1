package app.spotter.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.impl.Utils;

/**
 * docs/openapi.yaml as Vert.x can take it. Its contract parser refuses a response whose media type
 * its validator does not know (it knows JSON and plain text) although the server never validates
 * responses; so the file declares what is really sent (the CSV export's {@code text/csv}, errors'
 * {@code application/problem+json}, the document's {@code application/yaml}) and the copy given to
 * Vert.x leaves those response media types out. Requests are checked against the file unchanged.
 */
public final class ContractFile {
  private ContractFile() {}

  /** The contract for the router and validator. */
  public static Future<OpenAPIContract> load(Vertx vertx, String path) {
    return read(vertx, path).compose(raw -> OpenAPIContract.from(vertx, withKnownResponseMediaTypes(raw)));
  }

  /** The file as JSON, every media type in it. */
  public static Future<JsonObject> read(Vertx vertx, String path) {
    return Utils.readYamlOrJson(vertx, path);
  }

  private static JsonObject withKnownResponseMediaTypes(JsonObject raw) {
    JsonObject contract = raw.copy();
    contract.getJsonObject("paths", new JsonObject()).forEach(path -> ((JsonObject) path.getValue()).forEach(op -> {
      if (op.getValue() instanceof JsonObject operation && operation.getValue("responses") instanceof JsonObject responses) {
        responses.forEach(response -> withKnownMediaTypes((JsonObject) response.getValue()));
      }
    }));
    contract.getJsonObject("components", new JsonObject()).getJsonObject("responses", new JsonObject())
        .forEach(response -> withKnownMediaTypes((JsonObject) response.getValue()));
    return contract;
  }

  private static void withKnownMediaTypes(JsonObject response) {
    JsonObject content = response.getJsonObject("content");
    if (content != null) {
      content.fieldNames().removeIf(type -> !MediaType.isMediaTypeSupported(type));
      if (content.isEmpty()) {
        response.remove("content");
      }
    }
  }
}
