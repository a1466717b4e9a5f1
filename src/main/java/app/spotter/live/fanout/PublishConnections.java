package app.spotter.live.fanout;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Redis connections of the publisher's own, their requests pipelined. Through the client's pool a
 * request holds one of its 16 connections for its whole round trip, so a burst of publishes queued
 * behind them and crowded out every other Redis request; on a connection of its own Redis runs them
 * back to back. Each event loop that publishes is given one of {@link #CONNECTIONS} (made on it, so
 * its answers come back on it, where its subscribers mostly are). A connection that fails or closes
 * is replaced at the next send.
 */
final class PublishConnections {
  static final int CONNECTIONS = 4;
  private final Redis redis;
  /** By thread, not context: a socket's or request's duplicated context is new each time. */
  private final Map<Thread, Integer> slots = new ConcurrentHashMap<>();
  private final AtomicInteger nextSlot = new AtomicInteger();
  @SuppressWarnings("unchecked")
  private final Future<RedisConnection>[] connections = new Future[CONNECTIONS];

  PublishConnections(Redis redis) {
    this.redis = redis;
  }

  Future<Response> send(Request request) {
    int slot = Context.isOnEventLoopThread()
        ? slots.computeIfAbsent(Thread.currentThread(), t -> nextSlot.getAndIncrement() % CONNECTIONS) : 0;
    return current(slot).compose(conn -> conn.send(request));
  }

  private synchronized Future<RedisConnection> current(int slot) {
    Future<RedisConnection> connection = connections[slot];
    if (connection == null || connection.failed()) {
      Future<RedisConnection> connecting = redis.connect();
      connecting.onSuccess(conn -> {
        conn.exceptionHandler(e -> forget(slot, connecting));
        conn.endHandler(v -> forget(slot, connecting));
      });
      connections[slot] = connecting;
      connection = connecting;
    }
    return connection;
  }

  private synchronized void forget(int slot, Future<RedisConnection> dead) {
    if (connections[slot] == dead) {
      connections[slot] = null;
      dead.onSuccess(RedisConnection::close);
    }
  }
}
