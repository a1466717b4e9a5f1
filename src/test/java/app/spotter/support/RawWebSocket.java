package app.spotter.support;

import io.vertx.core.json.JsonObject;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket client over a plain TCP socket, for what friendly clients never do: it answers no
 * pings, reads only when asked (so it can stop reading altogether) and sends frames as given.
 */
public final class RawWebSocket implements AutoCloseable {
  public static final int TEXT = 0x1;
  public static final int BINARY = 0x2;
  public static final int CONTINUATION = 0x0;
  public static final int CLOSE = 0x8;
  public static final int PING = 0x9;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  /** One frame as received. */
  public record Frame(int opcode, boolean fin, byte[] payload) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    public int closeCode() {
      return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
    }
  }

  private RawWebSocket(int port, int receiveBufferBytes) throws IOException {
    socket = new Socket();
    if (receiveBufferBytes > 0) {
      socket.setReceiveBufferSize(receiveBufferBytes); // before connecting, so the TCP window stays small
    }
    socket.connect(new InetSocketAddress("localhost", port), 5_000);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
    handshake(port);
  }

  public static RawWebSocket connect(int port) {
    return connect(port, 0);
  }

  /** With a small receive buffer the server meets back-pressure after little data. */
  public static RawWebSocket connect(int port, int receiveBufferBytes) {
    try {
      return new RawWebSocket(port, receiveBufferBytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handshake(int port) throws IOException {
    byte[] key = new byte[16];
    RANDOM.nextBytes(key);
    String request = "GET /api/v1/live HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
        + "Sec-WebSocket-Version: 13\r\n\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      head.append((char) in.readUnsignedByte());
    }
    if (!head.toString().startsWith("HTTP/1.1 101")) {
      throw new IOException("no upgrade: " + head);
    }
  }

  public void sendText(String text) {
    sendFrame(TEXT, true, text.getBytes(StandardCharsets.UTF_8));
  }

  public void sendJson(JsonObject message) {
    sendText(message.encode());
  }

  /** Sends what the server may refuse half-way: false if it hung up meanwhile. */
  public boolean trySendText(String text) {
    return trySendFrame(TEXT, true, text.getBytes(StandardCharsets.UTF_8));
  }

  public boolean trySendFrame(int opcode, boolean fin, byte[] payload) {
    try {
      sendFrame(opcode, fin, payload);
      return true;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  /** One masked frame, as a client must send it. */
  public void sendFrame(int opcode, boolean fin, byte[] payload) {
    try {
      byte[] mask = new byte[4];
      RANDOM.nextBytes(mask);
      int length = payload.length;
      byte[] header;
      if (length < 126) {
        header = new byte[] {(byte) ((fin ? 0x80 : 0) | opcode), (byte) (0x80 | length)};
      } else if (length < 65_536) {
        header = new byte[] {(byte) ((fin ? 0x80 : 0) | opcode), (byte) (0x80 | 126), (byte) (length >> 8), (byte) length};
      } else {
        header = new byte[10];
        header[0] = (byte) ((fin ? 0x80 : 0) | opcode);
        header[1] = (byte) (0x80 | 127);
        for (int i = 0; i < 8; i++) {
          header[9 - i] = (byte) ((long) length >> (8 * i));
        }
      }
      byte[] masked = new byte[length];
      for (int i = 0; i < length; i++) {
        masked[i] = (byte) (payload[i] ^ mask[i % 4]);
      }
      out.write(header);
      out.write(mask);
      out.write(masked);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next frame, or null if none came within {@code millis}; EOF if the server hung up. */
  public Frame readFrame(int millis) throws IOException {
    socket.setSoTimeout(millis);
    int first;
    try {
      first = in.readUnsignedByte();
    } catch (SocketTimeoutException e) {
      return null;
    }
    socket.setSoTimeout(5_000);
    int second = in.readUnsignedByte();
    long length = second & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    return new Frame(first & 0x0f, (first & 0x80) != 0, payload);
  }

  /** The next text message as JSON (pings skipped, 5 s at most). */
  public JsonObject nextJson() {
    try {
      for (Frame frame = readFrame(5_000); frame != null; frame = readFrame(5_000)) {
        if (frame.opcode() == TEXT) {
          return new JsonObject(frame.text());
        }
        if (frame.opcode() == CLOSE) {
          throw new AssertionError("closed with " + frame.closeCode());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no message within 5 s");
  }

  /** The next text message of the given type; others are dropped. */
  public JsonObject nextOfType(String type) {
    for (JsonObject message = nextJson(); ; message = nextJson()) {
      if (type.equals(message.getString("type"))) {
        return message;
      }
    }
  }

  /** Reads (and drops) everything until the server's close frame; its code, or -1 if the server just hung up. */
  public int awaitClose(int millis) {
    return awaitClose(millis, frame -> { });
  }

  /** Like {@link #awaitClose(int)}, handing every text frame before the close to {@code texts}. */
  public int awaitClose(int millis, java.util.function.Consumer<Frame> texts) {
    long deadline = System.currentTimeMillis() + millis;
    try {
      while (System.currentTimeMillis() < deadline) {
        Frame frame = readFrame((int) Math.max(1, deadline - System.currentTimeMillis()));
        if (frame != null && frame.opcode() == CLOSE) {
          trySendFrame(CLOSE, true, frame.payload()); // the closing handshake, as a browser answers
          return frame.closeCode();
        }
        if (frame != null && frame.opcode() == TEXT) {
          texts.accept(frame);
        }
      }
    } catch (EOFException e) {
      return -1;
    } catch (IOException e) {
      return -1;
    }
    throw new AssertionError("not closed within " + millis + " ms");
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }
}
