package app.spotter.live.fanout;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * A Redis connection of the publisher's own, its requests pipelined. Through the client's pool a
 * request holds one of its 16 connections for its whole round trip, so a burst of publishes queued
 * behind them and crowded out every other Redis request; on one connection Redis runs them back to
 * back. A connection that fails or closes is replaced at the next send.
 */
final class PublishConnection {
  private final Redis redis;
  private Future<RedisConnection> connection;

  PublishConnection(Redis redis) {
    this.redis = redis;
  }

  Future<Response> send(Request request) {
    return current().compose(conn -> conn.send(request));
  }

  private synchronized Future<RedisConnection> current() {
    if (connection == null || connection.failed()) {
      Future<RedisConnection> connecting = redis.connect();
      connecting.onSuccess(conn -> {
        conn.exceptionHandler(e -> forget(connecting));
        conn.endHandler(v -> forget(connecting));
      });
      connection = connecting;
    }
    return connection;
  }

  private synchronized void forget(Future<RedisConnection> dead) {
    if (connection == dead) {
      connection = null;
      dead.onSuccess(RedisConnection::close);
    }
  }
}
