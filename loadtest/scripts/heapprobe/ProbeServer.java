import io.vertx.core.*;
import io.vertx.core.http.*;
import java.util.*;
import java.util.concurrent.CompletableFuture;

public class ProbeServer {
  static final List<Object> held = Collections.synchronizedList(new ArrayList<>());
  static void swap(Object ws) {
    try {
      java.lang.reflect.Field cf = Class.forName("io.vertx.core.http.impl.WebSocketImplBase").getDeclaredField("conn");
      cf.setAccessible(true);
      Object conn = cf.get(ws);
      Class<?> vc = Class.forName("io.vertx.core.net.impl.VertxConnection");
      Class<?> dq = Class.forName("io.vertx.core.net.impl.VertxConnection$DirectOutboundMessageQueue");
      java.lang.reflect.Constructor<?> c = dq.getDeclaredConstructor(vc);
      c.setAccessible(true);
      java.lang.reflect.Field qf = vc.getDeclaredField("outboundMessageQueue");
      qf.setAccessible(true);
      qf.set(conn, c.newInstance(conn));
    } catch (Exception e) { throw new RuntimeException(e); }
  }
  static void dropFactory(Object ws) {
    try {
      java.lang.reflect.Field cf = Class.forName("io.vertx.core.http.impl.WebSocketImplBase").getDeclaredField("conn");
      cf.setAccessible(true);
      Object conn = cf.get(ws);
      Object h = ((io.vertx.core.net.impl.ConnectionBase) conn).channelHandlerContext().handler();
      java.lang.reflect.Field ff = Class.forName("io.vertx.core.net.impl.VertxHandler").getDeclaredField("connectionFactory");
      ff.setAccessible(true);
      ff.set(h, null);
    } catch (Exception e) { throw new RuntimeException(e); }
  }
  static String path(Object root, String target) throws Exception {
    java.util.IdentityHashMap<Object,Object> seen = new java.util.IdentityHashMap<>();
    java.util.ArrayDeque<Object[]> q = new java.util.ArrayDeque<>();
    q.add(new Object[]{root, root.getClass().getName()}); seen.put(root, root);
    while (!q.isEmpty()) {
      Object[] e = q.poll(); Object o = e[0]; String p = (String) e[1];
      if (o.getClass().getName().equals(target)) return p;
      if (p.length() > 3000) continue;
      java.util.List<Object[]> kids = new java.util.ArrayList<>();
      if (o.getClass().isArray()) {
        if (!o.getClass().getComponentType().isPrimitive()) { Object[] arr = (Object[]) o; for (int i = 0; i < arr.length; i++) if (arr[i] != null) kids.add(new Object[]{arr[i], "[" + i + "]"}); }
      } else {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) for (java.lang.reflect.Field f : c.getDeclaredFields()) {
          if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
          try { f.setAccessible(true); Object v = f.get(o); if (v != null) kids.add(new Object[]{v, "." + f.getName()}); } catch (Exception ex) {}
        }
      }
      for (Object[] k : kids) {
        String cn = k[0].getClass().getName();
        if (cn.contains("EventLoop") || cn.contains("VertxImpl") || cn.startsWith("java.lang.Thread") || cn.contains("ClassLoader")) continue;
        if (seen.put(k[0], k[0]) == null) q.add(new Object[]{k[0], p + k[1] + "(" + k[0].getClass().getSimpleName() + ")"});
      }
    }
    return "not found";
  }
  public static void main(String[] a) throws Exception {
    boolean strict = Boolean.getBoolean("probe.strict");
    boolean compression = Boolean.getBoolean("probe.compression");
    boolean wsCompression = Boolean.getBoolean("probe.wsCompression");
    String mode = System.getProperty("probe.mode", "upgrade"); // upgrade | wshandler
    boolean nativeT = Boolean.getBoolean("probe.native");
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(nativeT).setEventLoopPoolSize(2));
    HttpServerOptions o = new HttpServerOptions().setPort(0).setHost("127.0.0.1")
        .setCompressionSupported(compression)
        .setHttp2ClearTextEnabled(false)
        .setStrictThreadMode(strict)
        .setPerMessageWebSocketCompressionSupported(wsCompression)
        .setPerFrameWebSocketCompressionSupported(wsCompression);
    CompletableFuture<Integer> port = new CompletableFuture<>();
    vertx.deployVerticle(new VerticleBase() {
      @Override public Future<?> start() {
        HttpServer s = vertx.createHttpServer(o);
        if (mode.equals("wshandler")) {
          s.webSocketHandler(ws -> { if (Boolean.getBoolean("probe.swap")) swap(ws); if (Boolean.getBoolean("probe.drop")) dropFactory(ws); held.add(ws); ws.handler(b -> {}); ws.closeHandler(v -> held.remove(ws)); });
          s.requestHandler(r -> r.response().setStatusCode(404).end());
        } else {
          s.requestHandler(r -> r.toWebSocket().onSuccess(ws -> { if (Boolean.getBoolean("probe.swap")) swap(ws); if (Boolean.getBoolean("probe.drop")) dropFactory(ws); held.add(ws); ws.handler(b -> {}); ws.closeHandler(v -> held.remove(ws)); })
              .onFailure(t -> t.printStackTrace()));
        }
        return s.listen().onSuccess(x -> port.complete(x.actualPort()));
      }
    }).await();
    System.out.println("PORT " + port.get() + " native=" + vertx.isNativeTransportEnabled() + " strict=" + strict + " mode=" + mode);
    System.out.flush();
    Scanner in = new Scanner(System.in);
    while (in.hasNextLine()) {
      String l = in.nextLine();
      if (l.equals("count")) System.out.println("HELD " + held.size());
      if (l.equals("path")) { Object ws = held.get(0);
        java.lang.reflect.Field cf = Class.forName("io.vertx.core.http.impl.WebSocketImplBase").getDeclaredField("conn"); cf.setAccessible(true);
        Object conn = cf.get(ws);
        Object ch = ((io.vertx.core.net.impl.ConnectionBase) conn).channel();
        System.out.println("PATH " + path(ch, "io.vertx.core.http.impl.Http1xServerConnection")); }
      System.out.flush();
    }
  }
}
