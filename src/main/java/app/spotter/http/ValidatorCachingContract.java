package app.spotter.http;

import io.vertx.core.file.FileSystem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import io.vertx.openapi.contract.SecurityRequirement;
import io.vertx.openapi.contract.SecurityScheme;
import io.vertx.openapi.contract.Server;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract, with one validator per schema instead of one per use. Vert.x's request validator
 * asks the schema repository for a new validator for every parameter of every request, and each
 * new one copies the repository's whole lookup table: three quarters of the server's CPU on
 * {@code GET /trainees/{id}} (docs/performance.md). Validators hold no per-call state, so one per
 * schema serves every request on every event loop.
 */
public final class ValidatorCachingContract implements OpenAPIContract {
  private final OpenAPIContract contract;
  private final SchemaRepository repository;

  public ValidatorCachingContract(OpenAPIContract contract) {
    this.contract = contract;
    this.repository = new CachingRepository(contract.getSchemaRepository());
  }

  @Override
  public SchemaRepository getSchemaRepository() {
    return repository;
  }

  @Override
  public Operation operation(String operationId) {
    return contract.operation(operationId);
  }

  @Override
  public List<Operation> operations() {
    return contract.operations();
  }

  @Override
  public List<Path> getPaths() {
    return contract.getPaths();
  }

  @Override
  public JsonObject getRawContract() {
    return contract.getRawContract();
  }

  @Override
  public OpenAPIVersion getVersion() {
    return contract.getVersion();
  }

  @Override
  public List<Server> getServers() {
    return contract.getServers();
  }

  @Override
  public Path findPath(String urlPath) {
    return contract.findPath(urlPath);
  }

  @Override
  public Operation findOperation(String urlPath, HttpMethod method) {
    return contract.findOperation(urlPath, method);
  }

  @Override
  public List<SecurityRequirement> getSecurityRequirements() {
    return contract.getSecurityRequirements();
  }

  @Override
  public SecurityScheme securityScheme(String name) {
    return contract.securityScheme(name);
  }

  /**
   * Keyed by the schema instance (the contract's parameters and bodies hand out the same one each
   * time), not by its content, whose hash would walk the whole schema on every lookup.
   */
  private static final class CachingRepository implements SchemaRepository {
    private final SchemaRepository repository;
    private final Map<Identity, Validator> validators = new ConcurrentHashMap<>();

    CachingRepository(SchemaRepository repository) {
      this.repository = repository;
    }

    @Override
    public Validator validator(JsonSchema schema) {
      return validators.computeIfAbsent(new Identity(schema), key -> repository.validator(schema));
    }

    @Override
    public SchemaRepository dereference(JsonSchema schema) {
      return repository.dereference(schema);
    }

    @Override
    public SchemaRepository dereference(String uri, JsonSchema schema) {
      return repository.dereference(uri, schema);
    }

    @Override
    public SchemaRepository preloadMetaSchema(FileSystem fs) {
      return repository.preloadMetaSchema(fs);
    }

    @Override
    public SchemaRepository preloadMetaSchema(FileSystem fs, Draft draft) {
      return repository.preloadMetaSchema(fs, draft);
    }

    @Override
    public Validator validator(String ref) {
      return repository.validator(ref);
    }

    @Override
    public Validator validator(String ref, JsonSchemaOptions options) {
      return repository.validator(ref, options);
    }

    @Override
    public Validator validator(JsonSchema schema, JsonSchemaOptions options, boolean dereference) {
      return repository.validator(schema, options, dereference);
    }

    @Override
    public JsonObject resolve(JsonObject schema) {
      return repository.resolve(schema);
    }

    @Override
    public JsonSchema find(String pointer) {
      return repository.find(pointer);
    }
  }

  private record Identity(JsonSchema schema) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity identity && identity.schema == schema;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(schema);
    }
  }
}
