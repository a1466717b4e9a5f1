package app.spotter.live.fanout;

import app.spotter.auth.Principal;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * A live socket as the fan-out sees it: who it is, what it follows, how to write to it and how to
 * send it away. The socket package implements it; the fan-out knows nothing more of a socket.
 */
public interface Peer {
  /**
   * What may wait unsent for one client before it counts as too slow and is closed with 4008
   * (Netty's high-water mark; Vert.x's default is 64 KiB). Room for a catch-up of hundreds of events
   * or the answers to a burst of the client's own frames (Vert.x flushes only after a whole read),
   * while a client that stops reading holds at most this much here, beyond the kernel's buffers.
   */
  int WRITE_QUEUE_BYTES = 1024 * 1024;

  /** The connection's id, unique across instances. */
  String connectionId();

  /** Null until the socket has said hello. */
  Principal principal();

  /** trainer-tablet, trainee-phone, wall-display or other. */
  String device();

  /** When the socket opened, epoch millis. */
  long since();

  SessionFeed feed();

  boolean isClosed();

  void send(JsonObject message);

  /** A client that cannot keep up is dropped (it resumes with afterSeq) rather than buffered without bound. */
  void sendText(String text);

  void sendError(String code, String message);

  /** An error about one session, which it names. */
  void sendError(String code, String message, Object sessionId);

  /** Whether the socket authenticated through that access link (a trainee) or as that display. */
  boolean openedWith(UUID credentialId);

  /** Revocation of the token the socket authenticated with: it is closed. */
  void revoke();

  /** Shutdown: the client is told to come back (to another instance), then closed. */
  void reconnect(String reason);
}
