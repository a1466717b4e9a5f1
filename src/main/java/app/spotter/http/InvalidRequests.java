package app.spotter.http;

import app.spotter.api.ApiException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;

/**
 * Requests the HTTP decoder rejects before any route sees them: a request line over
 * {@link #MAX_REQUEST_LINE_BYTES} (414), headers over {@link #MAX_HEADER_BYTES} (431), anything else
 * malformed (400). Answered as problem+json like every other error (Vert.x's own answer has no body),
 * then the connection is closed: after a bad request the decoder cannot tell where the next one starts.
 */
final class InvalidRequests implements Handler<HttpServerRequest> {
  static final int MAX_REQUEST_LINE_BYTES = 4_096;
  static final int MAX_HEADER_BYTES = 8_192;

  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    ApiException problem;
    if (cause instanceof TooLongHttpLineException) {
      problem = ApiException.of(414, "URI Too Long",
          "the request line is longer than " + MAX_REQUEST_LINE_BYTES + " bytes: send long values in a body");
    } else if (cause instanceof TooLongHttpHeaderException) {
      problem = ApiException.of(431, "Request Header Fields Too Large",
          "the request headers are larger than " + MAX_HEADER_BYTES + " bytes");
    } else {
      problem = ApiException.badRequest("the request is not valid HTTP/1.1", List.of());
    }
    HttpServerResponse response = request.response().putHeader("Connection", "close");
    SecurityHeaders.forEveryAnswer(response.headers());
    Problems.send(response, problem).onComplete(sent -> request.connection().close());
  }
}
