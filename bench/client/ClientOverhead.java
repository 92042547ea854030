import com.fasterxml.jackson.databind.*;
import io.codeartscheck.client.CodeArtsCheckAsyncClient;
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
import java.util.function.Supplier;

/**
 * Per-call cost of CodeArtsCheckClient and CodeArtsCheckAsyncClient against raw JDK HttpClient +
 * Jackson (send and sendAsync, the JDK's default executor and an inline one), measured in the same
 * run against the same in-process loopback server answering the docs' taskcron example: process
 * CPU per call (client and server together) and calls per second, median of the rounds after a
 * warm-up round. Each thread makes one call at a time (an async call is awaited before the next).
 * Run by run.sh; not part of the Maven reactor.
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
    CodeArtsCheckAsyncClient async = CodeArtsCheckAsyncClient.builder().endpoint(base).authToken("t").build();
    HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    HttpClient rawInline = HttpClient.newBuilder().executor(Runnable::run).version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    URI uri = URI.create(base + "/v1/tasks/fxxxx7ba3ae14a87a32b151bcbe20801/taskcron");
    Map<String, List<Double>> cpu = new TreeMap<>(), rate = new TreeMap<>();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    String id = "fxxxx7ba3ae14a87a32b151bcbe20801";
    Map<String, Callable<Object>> modes = new LinkedHashMap<>();
    Map<String, Callable<Object>> rounds32 = new LinkedHashMap<>(); // a whole round each
    modes.put("raw", () -> mapper.readValue(raw.send(request(uri), HttpResponse.BodyHandlers.ofByteArray()).body(), TaskCronResponse.class));
    modes.put("raw-inline", () -> mapper.readValue(rawInline.send(request(uri), HttpResponse.BodyHandlers.ofByteArray()).body(), TaskCronResponse.class));
    // sendAsync as the JDK ships it (its default executor hops internal tasks through a pool)
    Supplier<CompletableFuture<?>> rawAsync = () -> raw.sendAsync(request(uri), HttpResponse.BodyHandlers.ofByteArray()).thenApply(r -> read(mapper, r.body()));
    // what the async client does without its engine: inline executor, one hop off the selector thread
    Supplier<CompletableFuture<?>> rawAsyncHop = () -> rawInline.sendAsync(request(uri), HttpResponse.BodyHandlers.ofByteArray()).thenApplyAsync(r -> read(mapper, r.body()), ForkJoinPool.commonPool());
    Supplier<CompletableFuture<?>> asyncClient = () -> async.showPortalServiceTaskCron(id);
    modes.put("raw-async", () -> rawAsync.get().join());
    modes.put("raw-async-hop", () -> rawAsyncHop.get().join());
    modes.put("client", () -> client.showPortalServiceTaskCron(id));
    modes.put("async-client", () -> asyncClient.get().join());
    if (threads == 1) { // one submitting thread, 32 calls in flight: how async code runs
      rounds32.put("raw-async x32", inFlight(rawAsync, 32, calls));
      rounds32.put("raw-async-hop x32", inFlight(rawAsyncHop, 32, calls));
      rounds32.put("async-client x32", inFlight(asyncClient, 32, calls));
    }
    Map<String, Callable<Object>> all = new LinkedHashMap<>(modes);
    all.putAll(rounds32);
    for (int r = 0; r < rounds; r++) {
      for (Map.Entry<String, Callable<Object>> mode : all.entrySet()) {
        Callable<Object> call = mode.getValue();
        boolean wholeRound = rounds32.containsKey(mode.getKey());
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        AtomicInteger n = new AtomicInteger();
        int workers = wholeRound ? 1 : threads;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < workers; i++) fs.add(pool.submit(() -> { if (wholeRound) { call.call(); } else { while (n.incrementAndGet() <= calls) call.call(); } return null; }));
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        if (r == 0) continue; // warm-up round
        cpu.computeIfAbsent(mode.getKey(), k -> new ArrayList<>()).add((os.getProcessCpuTime() - cpu0) / 1e3 / calls);
        rate.computeIfAbsent(mode.getKey(), k -> new ArrayList<>()).add(calls / ((System.nanoTime() - t0) / 1e9));
      }
    }
    double rawCpu = median(cpu.get("raw"));
    StringBuilder line = new StringBuilder(threads + " thread" + (threads == 1 ? "" : "s") + ":");
    for (String mode : all.keySet()) {
      line.append(String.format(" | %s %.0f us %.0f/s", mode, median(cpu.get(mode)), median(rate.get(mode))));
    }
    line.append(String.format(" || client/raw %.2f, client/raw-inline %.2f, async-client/raw %.2f, async-client/raw-async %.2f, async-client/raw-async-hop %.2f",
        median(cpu.get("client")) / rawCpu, median(cpu.get("client")) / median(cpu.get("raw-inline")),
        median(cpu.get("async-client")) / rawCpu, median(cpu.get("async-client")) / median(cpu.get("raw-async")),
        median(cpu.get("async-client")) / median(cpu.get("raw-async-hop"))));
    if (threads == 1) {
      line.append(String.format(", 32 in flight: async-client/raw %.2f, async-client/raw-async %.2f, async-client/raw-async-hop %.2f",
          median(cpu.get("async-client x32")) / rawCpu, median(cpu.get("async-client x32")) / median(cpu.get("raw-async x32")),
          median(cpu.get("async-client x32")) / median(cpu.get("raw-async-hop x32"))));
    }
    line.append(" (process CPU per call, incl. the in-process server)");
    System.out.println(line);
    System.exit(0);
  }
  /** A round of {@code calls} calls from one thread, at most {@code window} in flight. */
  static Callable<Object> inFlight(Supplier<CompletableFuture<?>> call, int window, int calls) {
    return () -> {
      Semaphore slots = new Semaphore(window);
      for (int i = 0; i < calls; i++) {
        slots.acquire();
        call.get().whenComplete((v, e) -> slots.release());
      }
      slots.acquire(window); // every call of the round has ended
      return null;
    };
  }
  static HttpRequest request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Accept", "application/json").header("X-Auth-Token", "t").GET().build();
  }
  static TaskCronResponse read(ObjectMapper mapper, byte[] body) {
    try { return mapper.readValue(body, TaskCronResponse.class); } catch (IOException e) { throw new UncheckedIOException(e); }
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
