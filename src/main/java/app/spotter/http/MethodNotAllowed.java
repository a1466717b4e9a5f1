package app.spotter.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A 405 names the methods the path does answer in {@code Allow} (RFC 9110 requires it; vertx-web adds it
 * only when no error handler is set). Under the API they come from the contract's operations on every
 * path template the address fits, as the router matched them; everything outside the API (web client,
 * health, metrics) answers GET and HEAD.
 */
final class MethodNotAllowed implements Handler<RoutingContext> {
  private static final String OUTSIDE_API = "GET, HEAD";
  private static final Pattern PARAMETER = Pattern.compile("\\{[^/}]+}");

  private final String apiPrefix;
  private final List<PathMethods> paths;
  private final Handler<RoutingContext> problem;

  /** {@code problem} writes the 405 itself. */
  MethodNotAllowed(OpenAPIContract contract, String apiBasePath, Handler<RoutingContext> problem) {
    this.apiPrefix = apiBasePath + "/";
    Map<String, List<HttpMethod>> byPath = contract.operations().stream().collect(Collectors.groupingBy(
        Operation::getAbsoluteOpenAPIPath, Collectors.mapping(Operation::getHttpMethod, Collectors.toList())));
    this.paths = byPath.entrySet().stream()
        .map(path -> new PathMethods(template(path.getKey()), path.getValue()))
        .toList();
    this.problem = problem;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().putHeader("Allow", allowed(ctx.request().path()));
    problem.handle(ctx);
  }

  private String allowed(String path) {
    if (!path.startsWith(apiPrefix)) {
      return OUTSIDE_API;
    }
    TreeSet<String> methods = new TreeSet<>();
    for (PathMethods candidate : paths) {
      if (candidate.template().matcher(path).matches()) {
        candidate.methods().forEach(method -> methods.add(method.name()));
      }
    }
    return String.join(", ", methods);
  }

  /** {@code /trainees/{id}} → a pattern matching {@code /trainees/<one segment>}. */
  private static Pattern template(String path) {
    StringBuilder regex = new StringBuilder();
    int last = 0;
    var parameters = PARAMETER.matcher(path);
    while (parameters.find()) {
      regex.append(Pattern.quote(path.substring(last, parameters.start()))).append("[^/]+");
      last = parameters.end();
    }
    return Pattern.compile(regex.append(Pattern.quote(path.substring(last))).toString());
  }

  private record PathMethods(Pattern template, List<HttpMethod> methods) {}
}
