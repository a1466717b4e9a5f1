import java.io.*;
import java.net.*;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.*;

public class ProbeClient {
  public static void main(String[] a) throws Exception {
    int port = Integer.parseInt(a[0]);
    List<SocketChannel> socks = new ArrayList<>();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    String line;
    System.out.println("READY"); System.out.flush();
    while ((line = in.readLine()) != null) {
      int n = Integer.parseInt(line.trim());
      for (int i = 0; i < n; i++) {
        SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        String req = "GET /live HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        ch.write(ByteBuffer.wrap(req.getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer buf = ByteBuffer.allocate(1024);
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().contains("\r\n\r\n")) {
          buf.clear(); int r = ch.read(buf); if (r < 0) throw new IOException("closed");
          sb.append(new String(buf.array(), 0, r, StandardCharsets.US_ASCII));
        }
        if (!sb.toString().startsWith("HTTP/1.1 101")) throw new IOException(sb.toString());
        socks.add(ch);
      }
      System.out.println("OPEN " + socks.size()); System.out.flush();
    }
  }
}
