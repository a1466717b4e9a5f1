package app.spotter.live.socket;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;

/** The close code for a failure the WebSocket layer reports on a live socket. */
final class SocketFailures {
  static final int MESSAGE_TOO_BIG = 1009;
  static final int INTERNAL_ERROR = 1011;

  private SocketFailures() {}

  /**
   * A frame over the limit arrives as Netty's corrupted-frame error carrying its own status (1009;
   * 1002 for other protocol violations). A message over the limit in smaller fragments Vert.x reports
   * only as an IllegalStateException naming the "max message size"; both are the client's fault.
   */
  static int closeCode(Throwable failure) {
    if (failure instanceof CorruptedWebSocketFrameException corrupted && corrupted.closeStatus() != null) {
      return corrupted.closeStatus().code();
    }
    if (failure instanceof IllegalStateException && String.valueOf(failure.getMessage()).contains("max message size")) {
      return MESSAGE_TOO_BIG;
    }
    return INTERNAL_ERROR;
  }
}
