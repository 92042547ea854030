package io.codeartscheck.client;

import feign.Client;
import feign.Logger;
import io.codeartscheck.client.internal.ClientRuntime;
import io.codeartscheck.client.internal.ClientSettings;
import io.codeartscheck.client.internal.ClientVersion;
import io.codeartscheck.client.model.DeleteTaskResponse;
import io.codeartscheck.client.model.RefreshJobResultResponse;
import io.codeartscheck.client.model.TaskCronResponse;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Client for the five task-management operations of Huawei Cloud CodeArts Check.
 *
 * <p>Thread-safe: build one per endpoint and credential, share it, close it when done. Every
 * failure is an unchecked {@link CodeArtsCheckException} (or a subclass).
 *
 * <pre>{@code
 * try (CodeArtsCheckClient client = CodeArtsCheckClient.builder()
 *     .region("cn-north-4")                 // or .endpoint("http://127.0.0.1:8080")
 *     .authToken(System.getenv("CODEARTS_TOKEN"))
 *     .build()) {
 *   String svg = client.showCodeHealthSvg("aexxxx86", "en-us", null);
 *   RefreshJobResultResponse report =
 *       client.refreshPortalServiceJobResult("e5470ceb4d0440f198b56974xxxxxxxx", "", "false");
 *   TaskCronResponse cron = client.showPortalServiceTaskCron("fxxxx7ba3ae14a87a32b151bcbe20801", null);
 *   client.stopTaskByIdV2("2b31ed520xxxxxxebedb6e57xxxxxxxx");
 *   DeleteTaskResponse deleted = client.deleteTaskV3("897acf5exxx48a5013cd", null);
 * }
 * }</pre>
 */
public final class CodeArtsCheckClient implements AutoCloseable {
  /** The regions that host CodeArts Check, in the order of the docs. */
  public static final List<String> REGIONS = List.of("cn-north-4", "cn-north-1", "cn-east-2",
      "cn-south-1", "cn-east-3", "la-north-2", "sa-brazil-1", "ap-southeast-3");

  /** The endpoint of a region: {@code https://codearts-check.{region}.myhuaweicloud.com}. */
  static final String REGION_ENDPOINT = "https://codearts-check.%s.myhuaweicloud.com";

  private final ClientRuntime runtime;

  private CodeArtsCheckClient(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Starts a builder; {@code region} or {@code endpoint} and one credential are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Obtains the code health badge of a task (GET /v4/task/{task_id}/code-health-svg).
   *
   * @param taskId task ID, 1 to 32 characters
   * @param locale {@code zh-cn} or {@code en-us}, or null
   * @param jobId execution record ID, 1 to 64 characters, or null for the last successful check
   * @return the badge, an SVG document
   */
  public String showCodeHealthSvg(String taskId, String locale, String jobId) {
    return runtime.call("showCodeHealthSvg", api -> api.showCodeHealthSvg(taskId, locale, jobId),
        taskId, locale, jobId);
  }

  /**
   * Refreshes a check report and returns it (PUT /v1/jobs/{job_id}/result/refresh).
   *
   * @param jobId execution record ID
   * @param taskId task ID, at most 32 characters; null leaves it out, "" sends {@code task_id=}
   * @param async {@code "true"} (the server's default: no report returned) or {@code "false"}, or
   *     null
   * @return the refresh result; {@code getResult()} is null for an asynchronous refresh
   */
  public RefreshJobResultResponse refreshPortalServiceJobResult(String jobId, String taskId,
      String async) {
    return runtime.call("refreshPortalServiceJobResult",
        api -> api.refreshPortalServiceJobResult(jobId, taskId, async), jobId, taskId, async);
  }

  /**
   * Queries the schedule of a task (GET /v1/tasks/{task_id}/taskcron).
   *
   * @param taskId task ID, 1 to 128 characters
   * @param operator operator user name, 1 to 128 characters, or null
   * @return the schedule
   */
  public TaskCronResponse showPortalServiceTaskCron(String taskId, String operator) {
    return runtime.call("showPortalServiceTaskCron",
        api -> api.showPortalServiceTaskCron(taskId, operator), taskId, operator);
  }

  /**
   * Stops the running check of a task (POST /v2/tasks/{task_id}/stop); the service answers
   * {@code null}.
   *
   * @param taskId task ID, 1 to 32 characters
   */
  public void stopTaskByIdV2(String taskId) {
    runtime.call("stopTaskByIdV2", api -> api.stopTaskByIdV2(taskId), taskId);
  }

  /**
   * Deletes a task with its configuration, issues and execution records (DELETE
   * /v3/task/{task_id}).
   *
   * @param taskId task ID, 1 to 128 characters
   * @param operator the operator, or null
   * @return the deletion result; {@code getResult()} is true when the task was deleted
   */
  public DeleteTaskResponse deleteTaskV3(String taskId, String operator) {
    return runtime.call("deleteTaskV3", api -> api.deleteTaskV3(taskId, operator), taskId,
        operator);
  }

  /**
   * Closes the built-in transport (on Java 21+ its exchanges in progress are aborted; on 17 its
   * threads end when it is unreachable); later calls fail. A supplied client stays open.
   */
  @Override
  public void close() {
    runtime.close();
  }

  @Override
  public String toString() {
    return "CodeArtsCheckClient[" + runtime + "]";
  }

  /**
   * Configures and builds a {@link CodeArtsCheckClient}; {@link #build()} fails fast on a missing
   * or bad setting.
   *
   * <pre>{@code
   * CodeArtsCheckClient client = CodeArtsCheckClient.builder()
   *     .endpoint("http://127.0.0.1:8080")
   *     .authToken(tokenCache::current)        // read for every request
   *     .readTimeout(Duration.ofSeconds(10))   // response headers of one attempt
   *     .attemptTimeout(Duration.ofSeconds(15)) // one attempt, headers and body
   *     .callTimeout(Duration.ofSeconds(45))   // every attempt and every wait between them
   *     .maxAttempts(5)
   *     .logLevel(feign.Logger.Level.HEADERS)  // credentials are always masked
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MIN_DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(3);
    private static final int DEFAULT_MAX_RESPONSE_BODY_SIZE = 4 * 1024 * 1024;
    private static final Duration LONGEST_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

    private String region;
    private String endpoint;
    private Supplier<String> token;
    private String fixedToken;
    private boolean tokenGiven;
    private String accessKey;
    private String secretKey;
    private boolean akSkGiven;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private boolean connectTimeoutSet;
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration attemptTimeout;
    private Duration callTimeout;
    private int maxResponseBodySize = DEFAULT_MAX_RESPONSE_BODY_SIZE;
    private InetSocketAddress proxy;
    private String proxyUser;
    private char[] proxyPassword;
    private SSLContext sslContext;
    private String userAgent = defaultUserAgent();
    private Client client;
    private HttpClient sharedHttpClient;
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(20);
    private boolean retryNonIdempotent;
    private boolean validateArguments = true;
    private Logger.Level logLevel = Logger.Level.NONE;
    private Clock clock = Clock.systemUTC();

    private Builder() {
    }

    /**
     * Calls the endpoint of a region: {@code https://codearts-check.{region}.myhuaweicloud.com}.
     *
     * @param region one of {@link CodeArtsCheckClient#REGIONS}, e.g. {@code cn-north-4}
     * @return this builder
     */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /**
     * Calls any endpoint instead of a region's, e.g. the emulator at {@code http://127.0.0.1:8080}.
     *
     * @param endpoint an absolute http or https URL, optionally with a base path
     * @return this builder
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /**
     * Sends this IAM token in {@code X-Auth-Token}. A null, blank or unsendable token (CR, LF,
     * non-ASCII) makes {@link #build()} fail saying so, e.g. for
     * {@code authToken(System.getenv("CODEARTS_TOKEN"))} with the variable unset.
     *
     * @param token the token (the {@code X-Subject-Token} of IAM)
     * @return this builder
     */
    public Builder authToken(String token) {
      this.fixedToken = token;
      this.token = null;
      this.tokenGiven = true;
      return this;
    }

    /**
     * Sends the token the supplier returns, read for every request (and every retry), so a
     * refreshed token is used at once.
     *
     * @param token the token supplier; it must be thread-safe
     * @return this builder
     */
    public Builder authToken(Supplier<String> token) {
      this.token = token;
      this.fixedToken = null;
      this.tokenGiven = true;
      return this;
    }

    /**
     * Signs every request with an access key and secret key (SDK-HMAC-SHA256) instead of a token.
     *
     * @param accessKey the access key (AK)
     * @param secretKey the secret key (SK); it is never logged
     * @return this builder
     */
    public Builder akSk(String accessKey, String secretKey) {
      this.accessKey = accessKey;
      this.secretKey = secretKey;
      this.akSkGiven = true;
      return this;
    }

    /**
     * Sets the connect timeout (default 10 s) of the built-in transport, or the one passed in
     * {@code Request.Options} to a Feign client given to {@link #httpClient(Client)}.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      this.connectTimeoutSet = true;
      return this;
    }

    /**
     * Sets the read timeout: how long one attempt waits for the response headers (default 60 s).
     * The body is bounded by the attempt timeout.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    /**
     * Sets the attempt timeout: the longest one attempt may take, from sending to the last byte
     * of the response body (default: connect timeout + read timeout, 70 s). A server that
     * trickles its answer is cut off here; the attempt counts as failed and is retried like a
     * read timeout.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder attemptTimeout(Duration timeout) {
      this.attemptTimeout = timeout;
      return this;
    }

    /**
     * Sets the call timeout: the longest a call may take, all attempts and the waits between them
     * included (default 3 min, or the attempt timeout if that is longer). No retry is started
     * that could not finish its wait before it.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = timeout;
      return this;
    }

    /**
     * Sets the largest response body read (default 4 MiB; the largest documented answer is under
     * 2 KB). A larger 2xx body is not read: the call fails with a {@link CodeArtsCheckException}
     * that says so. Of an error answer only the first 64 KiB are ever read.
     *
     * @param bytes at least 1
     * @return this builder
     */
    public Builder maxResponseBodySize(int bytes) {
      this.maxResponseBodySize = bytes;
      return this;
    }

    /**
     * Sends requests through an HTTP proxy.
     *
     * @param host proxy host
     * @param port proxy port
     * @return this builder
     */
    public Builder proxy(String host, int port) {
      this.proxy = InetSocketAddress.createUnresolved(host, port);
      return this;
    }

    /**
     * Sends requests through an HTTP proxy that asks for credentials (Basic).
     *
     * <p>For https endpoints the JDK refuses Basic on the CONNECT tunnel unless the system property
     * {@code jdk.http.auth.tunneling.disabledSchemes} is set to an empty string.
     *
     * @param host proxy host
     * @param port proxy port
     * @param user proxy user name
     * @param password proxy password; copied, never logged
     * @return this builder
     */
    public Builder proxy(String host, int port, String user, char[] password) {
      proxy(host, port);
      this.proxyUser = Objects.requireNonNull(user, "user");
      this.proxyPassword = Objects.requireNonNull(password, "password").clone();
      return this;
    }

    /**
     * Uses this SSL context (trust store, client certificate) for https.
     *
     * @param sslContext the context
     * @return this builder
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = sslContext;
      return this;
    }

    /**
     * Sets the {@code User-Agent} header (default {@code codearts-check-client/<version> Java/<version>}).
     *
     * @param userAgent the value
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Sends requests through this JDK {@link HttpClient} (its connection pool, executor, proxy, SSL
     * context and connect timeout) instead of a private one. It may be shared by many clients and
     * is not closed by {@link CodeArtsCheckClient#close()}. It must never follow redirects
     * ({@code HttpClient.Redirect.NEVER}, the JDK's default): {@link #build()} refuses one that
     * does, since a redirect would carry the credentials to another origin. Proxy, SSL context
     * and connect timeout are its own; setting them on this builder too fails.
     *
     * <p>The built-in client runs the HttpClient's internal tasks inline
     * ({@code executor(Runnable::run)}): with a thread-pool executor, the JDK's HTTP/1.1 pool
     * occasionally fails a request on a reused connection with "header parser received no
     * bytes" after the server answered it (see the README's "Limits and timeouts").
     *
     * @param httpClient the shared JDK client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.sharedHttpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Sends requests through this Feign {@link Client} (OkHttp, Apache, a wrapper, ...) instead of
     * the built-in JDK HttpClient. It may be shared by many clients and is not closed by
     * {@link CodeArtsCheckClient#close()}; proxy and SSL context are set on it, not on this builder;
     * the connect and read timeouts and {@code followRedirects = false} reach it in
     * {@code Request.Options} (a client that ignores them, or retries or inflates by itself, does so
     * on its own account). Each attempt runs on a worker thread, so the attempt and call timeouts
     * bound the caller even where such a client cannot be unblocked. To share a JDK HttpClient,
     * give it to {@link #httpClient(HttpClient)}: a feign-java11 {@code Http2Client} (which follows
     * redirects and inflates gzip unasked) is refused here.
     *
     * @param client the Feign client
     * @return this builder
     */
    public Builder httpClient(Client client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets the attempts per call, the first included (default 3; 1 turns retries off): the most
     * requests the server sees for one call. The JDK HttpClient re-sends a GET once by itself
     * when the connection drops before any byte of the answer; such an attempt counts as two,
     * and a GET is retried only while a doubled attempt would still fit, so a GET makes at most
     * {@code maxAttempts - 1} attempts (one with 1 or 2), and only with {@code maxAttempts(1)}
     * can the server see two requests for one call.
     *
     * @param maxAttempts at least 1
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the backoff: the delay doubles from {@code initial} up to {@code max}, with jitter
     * (defaults 200 ms and 20 s). A {@code Retry-After} of at most {@code max} is waited for
     * instead; a longer one ends the retries.
     *
     * @param initial the first delay
     * @param max the largest delay
     * @return this builder
     */
    public Builder retryBackoff(Duration initial, Duration max) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * Retries stop (POST) and delete (DELETE) on 429, 5xx and any transport failure too, not only
     * when the request surely did not reach the server (default false: the service answers a
     * repeated delete of a deleted task with 400 "task does not exist", so a retried delete whose
     * first answer was lost can report a failure for a task that was deleted).
     *
     * @param retry whether to retry stop and delete after the request may have been sent
     * @return this builder
     */
    public Builder retryNonIdempotent(boolean retry) {
      this.retryNonIdempotent = retry;
      return this;
    }

    /**
     * Turns the local check of arguments against the spec on or off (default on). Off, a
     * 33-character task id is sent and the server answers 400.
     *
     * @param validate whether to check arguments before sending
     * @return this builder
     */
    public Builder validateArguments(boolean validate) {
      this.validateArguments = validate;
      return this;
    }

    /**
     * Sets Feign's log level (default NONE). Lines go to SLF4J logger
     * {@code io.codeartscheck.client.http} at DEBUG; tokens, signatures and keys are masked.
     *
     * @param level NONE, BASIC (request line, status, time), HEADERS or FULL (bodies too)
     * @return this builder
     */
    public Builder logLevel(Logger.Level level) {
      this.logLevel = level;
      return this;
    }

    /** For tests: the clock of X-Sdk-Date and Retry-After. */
    Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Builds the client, checking every setting.
     *
     * @return the client
     * @throws IllegalArgumentException on a missing or bad setting, with what to fix
     */
    public CodeArtsCheckClient build() {
      ClientSettings settings = new ClientSettings();
      settings.endpoint = resolveEndpoint();
      checkCredentials();
      settings.token = token;
      settings.accessKey = accessKey;
      settings.secretKey = secretKey;
      settings.connectTimeout = positive(connectTimeout, "connectTimeout");
      settings.readTimeout = positive(readTimeout, "readTimeout");
      checkTransport();
      Duration effectiveConnect = sharedHttpClient == null ? settings.connectTimeout
          : sharedHttpClient.connectTimeout().orElse(DEFAULT_CONNECT_TIMEOUT);
      settings.attemptTimeout = attemptTimeout == null
          ? min(effectiveConnect.plus(settings.readTimeout), LONGEST_TIMEOUT)
          : positive(attemptTimeout, "attemptTimeout");
      settings.callTimeout = callTimeout == null
          ? max(MIN_DEFAULT_CALL_TIMEOUT, settings.attemptTimeout)
          : positive(callTimeout, "callTimeout");
      if (maxResponseBodySize < 1) {
        throw new IllegalArgumentException("maxResponseBodySize must be at least 1 byte, was "
            + maxResponseBodySize);
      }
      settings.maxResponseBodySize = maxResponseBodySize;
      settings.proxy = proxy;
      settings.proxyUser = proxyUser;
      settings.proxyPassword = proxyPassword;
      settings.sslContext = sslContext;
      if (userAgent == null || userAgent.isBlank()) {
        throw new IllegalArgumentException("userAgent must not be blank");
      }
      if (!isHeaderValue(userAgent)) {
        throw new IllegalArgumentException("userAgent must be printable ASCII (no CR, LF or "
            + "other control or non-ASCII characters): it is sent as the User-Agent header");
      }
      settings.userAgent = userAgent;
      settings.client = client;
      settings.sharedHttpClient = sharedHttpClient;
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      settings.maxAttempts = maxAttempts;
      settings.initialBackoff = positive(initialBackoff, "retryBackoff initial");
      settings.maxBackoff = positive(maxBackoff, "retryBackoff max");
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("retryBackoff: max must not be less than initial");
      }
      settings.retryNonIdempotent = retryNonIdempotent;
      settings.validateArguments = validateArguments;
      settings.logLevel = Objects.requireNonNull(logLevel, "logLevel");
      settings.clock = clock;
      return new CodeArtsCheckClient(ClientRuntime.create(settings));
    }

    private void checkCredentials() {
      if (tokenGiven == akSkGiven) {
        throw new IllegalArgumentException(!tokenGiven
            ? "credentials required: call authToken(...) or akSk(accessKey, secretKey)"
            : "give either authToken(...) or akSk(...), not both");
      }
      if (akSkGiven) {
        if (accessKey == null || secretKey == null || accessKey.isBlank() || secretKey.isBlank()) {
          throw new IllegalArgumentException("akSk: access key and secret key must not be null or "
              + "blank (is the environment variable holding them set?)");
        }
        if (!isHeaderValue(accessKey)) {
          throw new IllegalArgumentException("akSk: the access key must be printable ASCII: it "
              + "is sent in the Authorization header");
        }
        return;
      }
      if (fixedToken == null && token == null) {
        throw new IllegalArgumentException("authToken: the token is null; give the IAM token (the "
            + "X-Subject-Token of IAM), e.g. authToken(System.getenv(\"CODEARTS_TOKEN\")) with "
            + "CODEARTS_TOKEN set");
      }
      if (token == null) {
        if (fixedToken.isBlank()) {
          throw new IllegalArgumentException("authToken: the token is blank; give the IAM token "
              + "(the X-Subject-Token of IAM)");
        }
        if (!isHeaderValue(fixedToken)) {
          throw new IllegalArgumentException("authToken: the token has a character that cannot "
              + "be sent in an HTTP header (CR, LF, another control character or non-ASCII)");
        }
        String value = fixedToken;
        token = () -> value;
      }
    }

    private static boolean isHeaderValue(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 0x20 || c > 0x7e) {
          return false;
        }
      }
      return true;
    }

    private String resolveEndpoint() {
      if (region != null && endpoint != null) {
        throw new IllegalArgumentException("give either region(...) or endpoint(...), not both");
      }
      if (region != null) {
        String name = region.trim().toLowerCase(Locale.ROOT);
        if (!REGIONS.contains(name)) {
          throw new IllegalArgumentException("unknown region '" + region + "'; valid regions: "
              + String.join(", ", REGIONS) + " (or give endpoint(...))");
        }
        return String.format(Locale.ROOT, REGION_ENDPOINT, name);
      }
      if (endpoint == null) {
        throw new IllegalArgumentException("region or endpoint required: call region(...) with "
            + "one of " + String.join(", ", REGIONS) + ", or endpoint(\"https://...\")");
      }
      URI uri;
      try {
        uri = new URI(endpoint.trim()).normalize();
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("bad endpoint '" + endpoint + "': " + e.getMessage()
            + "; give an http(s) URL, or region(...) with one of " + String.join(", ", REGIONS),
            e);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
          || uri.getRawQuery() != null || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("bad endpoint '" + endpoint + "': give an absolute "
            + "http(s) URL with a host and no query, e.g. https://codearts-check.cn-north-4."
            + "myhuaweicloud.com, or region(...) with one of " + String.join(", ", REGIONS));
      }
      // The port the scheme implies is left out, as every transport leaves it out of the Host
      // header: an AK/SK signature must cover exactly the Host that is sent.
      String authority = uri.getRawAuthority();
      if (uri.getPort() == (scheme.equals("https") ? 443 : 80)) {
        authority = authority.substring(0, authority.lastIndexOf(':'));
      }
      String text = scheme + "://" + authority + (uri.getRawPath() == null ? "" : uri.getRawPath());
      while (text.endsWith("/")) {
        text = text.substring(0, text.length() - 1);
      }
      return text;
    }

    private void checkTransport() {
      if (client != null && sharedHttpClient != null) {
        throw new IllegalArgumentException(
            "give httpClient(feign.Client) or httpClient(java.net.http.HttpClient), not both");
      }
      if ((client != null || sharedHttpClient != null) && (proxy != null || sslContext != null)) {
        throw new IllegalArgumentException("proxy and sslContext configure the built-in "
            + "transport: set them on the client given to httpClient(...) instead");
      }
      if (client != null && client.getClass().getName().equals("feign.http2client.Http2Client")) {
        // Http2Client follows redirects, inflates gzip unasked and, unless Request.Options match
        // its HttpClient, sends through a private copy of it.
        throw new IllegalArgumentException("give the java.net.http.HttpClient inside this "
            + "Http2Client to httpClient(HttpClient) instead: feign-java11's Http2Client follows "
            + "redirects, inflates gzip the client never asked for and may send through a private "
            + "copy of its HttpClient");
      }
      if (sharedHttpClient != null) {
        if (connectTimeoutSet) {
          throw new IllegalArgumentException("connectTimeout configures the built-in transport: "
              + "set it on the HttpClient given to httpClient(...) instead");
        }
        if (sharedHttpClient.followRedirects() != HttpClient.Redirect.NEVER) {
          throw new IllegalArgumentException("the HttpClient given to httpClient(...) follows "
              + "redirects (" + sharedHttpClient.followRedirects() + "): a redirect would carry "
              + "the credentials to another origin, and the service never redirects; build it "
              + "with followRedirects(HttpClient.Redirect.NEVER), the JDK's default");
        }
      }
    }

    private static Duration positive(Duration duration, String name) {
      if (duration == null || duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration, was " + duration);
      }
      if (duration.compareTo(LONGEST_TIMEOUT) > 0) {
        throw new IllegalArgumentException(name + " must be at most " + LONGEST_TIMEOUT
            + " (24 days), was " + duration);
      }
      return duration;
    }

    private static Duration min(Duration a, Duration b) {
      return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
      return a.compareTo(b) >= 0 ? a : b;
    }

    private static String defaultUserAgent() {
      return "codearts-check-client/" + ClientVersion.VERSION + " Java/"
          + System.getProperty("java.version");
    }
  }
}
