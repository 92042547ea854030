import com.fasterxml.jackson.databind.*;
import io.codeartscheck.client.CodeArtsCheckClient;
import io.codeartscheck.client.model.TaskCronResponse;
import java.io.*;
import java.lang.management.ManagementFactory;
import java.net.*;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/**
 * Per-call cost of CodeArtsCheckClient (sync) against raw JDK HttpClient + Jackson, measured in the
 * same run against the same in-process loopback server answering the docs' taskcron example:
 * process CPU per call (client and server together) and calls per second, median of the rounds
 * after a warm-up round. Run by run.sh; not part of the Maven reactor.
 */
public class ClientOverhead {
  static byte[] RESP;
  public static void main(String[] a) throws Exception {
    int calls = Integer.parseInt(a[0]), threads = Integer.parseInt(a[1]), rounds = Integer.parseInt(a[2]);
    byte[] body = Files.readAllBytes(Path.of(a[3]));
    RESP = concat(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), body);
    ServerSocket ss = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread acc = new Thread(() -> { while (true) { try { Socket s = ss.accept(); s.setTcpNoDelay(true); Thread t = new Thread(() -> serve(s)); t.setDaemon(true); t.start(); } catch (IOException e) { return; } } });
    acc.setDaemon(true); acc.start();
    String base = "http://127.0.0.1:" + ss.getLocalPort();
    CodeArtsCheckClient client = CodeArtsCheckClient.builder().endpoint(base).authToken("t").build();
    HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    HttpClient rawInline = HttpClient.newBuilder().executor(Runnable::run).version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    URI uri = URI.create(base + "/v1/tasks/fxxxx7ba3ae14a87a32b151bcbe20801/taskcron");
    Map<String, List<Double>> cpu = new TreeMap<>(), rate = new TreeMap<>();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int r = 0; r < rounds; r++) {
      for (String mode : List.of("raw", "raw-inline", "client")) {
        HttpClient http = mode.equals("raw") ? raw : rawInline;
        Callable<Object> call = mode.startsWith("raw")
            ? () -> mapper.readValue(http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Accept", "application/json").header("X-Auth-Token", "t").GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body(), TaskCronResponse.class)
            : () -> client.showPortalServiceTaskCron("fxxxx7ba3ae14a87a32b151bcbe20801", null);
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < threads; i++) fs.add(pool.submit(() -> { while (n.incrementAndGet() <= calls) call.call(); return null; }));
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        if (r == 0) continue; // warm-up round
        cpu.computeIfAbsent(mode, k -> new ArrayList<>()).add((os.getProcessCpuTime() - cpu0) / 1e3 / calls);
        rate.computeIfAbsent(mode, k -> new ArrayList<>()).add(calls / ((System.nanoTime() - t0) / 1e9));
      }
    }
    double rawCpu = median(cpu.get("raw")), inlineCpu = median(cpu.get("raw-inline")), clientCpu = median(cpu.get("client"));
    System.out.printf("%d threads: raw JDK+Jackson %.0f us CPU/call %.0f calls/s | raw, inline executor %.0f us %.0f calls/s | client %.0f us %.0f calls/s | client/raw %.2f, client/raw-inline %.2f (process CPU incl. the in-process server)%n",
        threads, rawCpu, median(rate.get("raw")), inlineCpu, median(rate.get("raw-inline")), clientCpu, median(rate.get("client")), clientCpu / rawCpu, clientCpu / inlineCpu);
    System.exit(0);
  }
  static double median(List<Double> v) { List<Double> s = new ArrayList<>(v); Collections.sort(s); return s.get(s.size() / 2); }
  static byte[] concat(byte[] x, byte[] y) { byte[] z = Arrays.copyOf(x, x.length + y.length); System.arraycopy(y, 0, z, x.length, y.length); return z; }
  static void serve(Socket s) {
    try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
      while (true) {
        int state = 0, b;
        while (state < 4 && (b = in.read()) >= 0) state = (b == '\r' && (state == 0 || state == 2)) ? state + 1 : (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        if (state < 4) return;
        out.write(RESP); out.flush();
      }
    } catch (IOException e) { }
  }
}
