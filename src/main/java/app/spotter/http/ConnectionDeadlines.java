package app.spotter.http;

import app.spotter.config.SpotterConfig.HttpTimeouts;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Slow clients (CONTRACT, Hardening): on an HTTP/1.1 connection a request's headers must be complete
 * within the header timeout of its first byte (of the connection's opening, for the first request),
 * its body within the body timeout of its headers, and a keep-alive connection with no request in
 * flight is closed after the idle timeout. A missed deadline closes the connection. The time Spotter
 * takes to answer is never counted against the client.
 *
 * <p>Vert.x has no header or body deadline, and its idle timeout would stay on a connection after it
 * upgrades to a live socket, which its heartbeat governs instead; so these are Netty handlers on the
 * connection's own pipeline (reached through Vert.x's {@code ConnectionBase}), running on its event
 * loop like everything else of it, and they step aside when the connection becomes a WebSocket.
 * {@code ConnectionBase} and the pipeline names {@code httpDecoder} and {@code handler} are Vert.x
 * internals: on a Vert.x upgrade, SlowClientsTest tells whether they still hold.
 */
final class ConnectionDeadlines extends ChannelDuplexHandler {
  private enum Phase { HEADERS, BODY, ANSWERING, IDLE }

  private final HttpTimeouts timeouts;
  private final FirstByte firstByte = new FirstByte();
  private ChannelHandlerContext ctx;
  private Phase phase;
  private int unanswered;
  private ScheduledFuture<?> deadline;

  private ConnectionDeadlines(HttpTimeouts timeouts) {
    this.timeouts = timeouts;
  }

  /** Called for each new connection (Vert.x's connection handler, on the connection's event loop). */
  static void install(HttpConnection connection, HttpTimeouts timeouts) {
    ChannelPipeline pipeline = ((ConnectionBase) connection).channel().pipeline();
    ConnectionDeadlines deadlines = new ConnectionDeadlines(timeouts);
    pipeline.addBefore("httpDecoder", "spotterFirstByte", deadlines.firstByte);
    pipeline.addBefore("handler", "spotterDeadlines", deadlines);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    enter(Phase.HEADERS);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancel();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancel();
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest) {
      unanswered++;
      enter(Phase.BODY);
    }
    if (msg instanceof LastHttpContent && phase == Phase.BODY) {
      // The answer may already have gone out (a 413, say) before the body ended.
      enter(unanswered > 0 ? Phase.ANSWERING : Phase.IDLE);
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response && HttpResponseStatus.SWITCHING_PROTOCOLS.equals(response.status())) {
      // A live socket from here on: its heartbeat decides how long it stays.
      ctx.write(msg, promise);
      ctx.pipeline().remove(firstByte);
      ctx.pipeline().remove(this);
      return;
    }
    if (msg instanceof LastHttpContent) {
      // Counted once the last byte is handed to the kernel: a slow reader is still being answered.
      promise = promise.unvoid();
      promise.addListener(written -> answered());
    }
    ctx.write(msg, promise);
  }

  private void answered() {
    unanswered = Math.max(0, unanswered - 1);
    if (unanswered == 0 && phase == Phase.ANSWERING) {
      enter(Phase.IDLE);
    }
  }

  /** Starts the phase's deadline; there is none while Spotter answers. */
  private void enter(Phase next) {
    cancel();
    phase = next;
    Duration limit = switch (next) {
      case HEADERS -> timeouts.header();
      case BODY -> timeouts.body();
      case IDLE -> timeouts.idle();
      case ANSWERING -> null;
    };
    if (limit != null) {
      deadline = ctx.executor().schedule(this::expire, limit.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void expire() {
    deadline = null;
    ctx.close();
  }

  private void cancel() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }

  /** Sits before the decoder: the first bytes after an idle spell start the next request's header deadline. */
  private final class FirstByte extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (phase == Phase.IDLE) {
        enter(Phase.HEADERS);
      }
      ctx.fireChannelRead(msg);
    }
  }
}
