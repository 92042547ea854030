package io.codeartscheck.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on a raw loopback socket that misbehaves on purpose where WireMock cannot:
 * it trickles, truncates, drops connections before answering, redirects, or answers forever. It
 * reads each request (line, headers, Content-Length body) and hands it to the test's handler,
 * which writes whatever bytes it likes. Connections are kept alive unless the handler closes them.
 */
public final class RawHttpServer implements AutoCloseable {
  /** What a test does with one request. */
  public interface Handler {
    /**
     * Answers one request.
     *
     * @param exchange the request and its connection
     * @throws Exception anything: the connection is then closed
     */
    void handle(Exchange exchange) throws Exception;
  }

  /** One request as it arrived, and the connection to answer on. */
  public static final class Exchange {
    /** The request line as received, e.g. {@code GET /v1/tasks/t/taskcron HTTP/1.1}. */
    public final String requestLine;
    /** The header lines as received, in order. */
    public final List<String> headerLines;
    /** The first value of each header, by case-insensitive name. */
    public final Map<String, String> headers;
    /** The body (Content-Length bytes). */
    public final byte[] body;
    /** The position of this request among all the server read, from 0. */
    public final int index;
    private final Socket socket;
    final OutputStream out;

    Exchange(String requestLine, List<String> headerLines, byte[] body, int index, Socket socket)
        throws IOException {
      this.requestLine = requestLine;
      this.headerLines = headerLines;
      Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String line : headerLines) {
        int colon = line.indexOf(':');
        map.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
      this.headers = map;
      this.body = body;
      this.index = index;
      this.socket = socket;
      this.out = socket.getOutputStream();
    }

    /**
     * The request method.
     *
     * @return e.g. {@code POST}
     */
    public String method() {
      return requestLine.split(" ", 3)[0];
    }

    /**
     * The request target as sent.
     *
     * @return origin-form ({@code /path?query}), or absolute-form through a proxy
     */
    public String target() {
      return requestLine.split(" ", 3)[1];
    }

    /**
     * Writes text (UTF-8) to the connection at once.
     *
     * @param text what to write
     * @throws IOException when the client has closed the connection
     */
    public void write(String text) throws IOException {
      write(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes bytes to the connection at once.
     *
     * @param bytes what to write
     * @throws IOException when the client has closed the connection
     */
    public void write(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    /**
     * Answers with a complete response and keeps the connection open.
     *
     * @param status the status code
     * @param contentType the Content-Type, or null for none
     * @param body the body (UTF-8)
     * @param extraHeaders more header lines, e.g. {@code Retry-After: 2}
     * @throws IOException when the client has closed the connection
     */
    public void respond(int status, String contentType, String body, String... extraHeaders)
        throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ')
          .append(status / 100 == 2 ? "OK" : "Status").append("\r\n");
      if (contentType != null) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
      }
      for (String header : extraHeaders) {
        head.append(header).append("\r\n");
      }
      head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
      write(head.toString());
      write(bytes);
    }

    /**
     * Closes the connection at once: nothing more is read or written on it.
     *
     * @throws IOException if closing fails
     */
    public void close() throws IOException {
      socket.close();
    }
  }

  private final Handler handler;
  private final ServerSocket serverSocket;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final List<String> requestLines = new CopyOnWriteArrayList<>();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean closed;

  /**
   * Starts the server on a free loopback port.
   *
   * @param handler what to do with each request
   * @throws IOException if no port can be bound
   */
  public RawHttpServer(Handler handler) throws IOException {
    this.handler = handler;
    this.serverSocket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "raw-http-accept-" + port());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * The bound port.
   *
   * @return the port on 127.0.0.1
   */
  public int port() {
    return serverSocket.getLocalPort();
  }

  /**
   * The base URL.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /**
   * Counts the requests read so far.
   *
   * @return the number of requests
   */
  public int requests() {
    return requests.get();
  }

  /**
   * Counts the connections accepted so far.
   *
   * @return the number of connections
   */
  public int connections() {
    return connections.get();
  }

  /**
   * The request lines read so far, in order.
   *
   * @return a copy
   */
  public List<String> requestLines() {
    return Collections.unmodifiableList(new ArrayList<>(requestLines));
  }

  /**
   * The requests read so far, in order.
   *
   * @return a copy
   */
  public List<Exchange> exchanges() {
    return Collections.unmodifiableList(new ArrayList<>(exchanges));
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = serverSocket.accept();
        socket.setTcpNoDelay(true);
        sockets.add(socket);
        connections.incrementAndGet();
        Thread worker = new Thread(() -> serve(socket), "raw-http-" + port());
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket; InputStream in = new BufferedInputStream(socket.getInputStream())) {
      while (!closed && !socket.isClosed()) {
        String requestLine = readLine(in);
        if (requestLine == null) {
          return;
        }
        if (requestLine.isEmpty()) {
          continue;
        }
        List<String> headerLines = new ArrayList<>();
        int contentLength = 0;
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
          headerLines.add(line);
          if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            contentLength = Integer.parseInt(line.substring(15).trim());
          }
        }
        byte[] body = in.readNBytes(contentLength);
        Exchange exchange = new Exchange(requestLine, headerLines, body,
            requests.getAndIncrement(), socket);
        requestLines.add(requestLine);
        exchanges.add(exchange);
        handler.handle(exchange);
      }
    } catch (Exception e) {
      // the client went away, or the test closed the connection on purpose
    } finally {
      sockets.remove(socket);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1
            : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  /**
   * Stops accepting and closes every connection.
   *
   * @throws IOException if closing fails
   */
  @Override
  public void close() throws IOException {
    closed = true;
    serverSocket.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
