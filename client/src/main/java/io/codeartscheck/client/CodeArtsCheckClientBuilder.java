package io.codeartscheck.client;

import feign.Client;
import feign.Logger;
import io.codeartscheck.client.internal.CallPolicy;
import io.codeartscheck.client.internal.ClientSettings;
import io.codeartscheck.client.internal.ClientVersion;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * The options both clients are built with: {@link CodeArtsCheckClient.Builder} and
 * {@link CodeArtsCheckAsyncClient.Builder} extend it, so a client of either kind is configured
 * the same way. {@code build()} checks every option and fails fast with what to fix.
 *
 * <pre>{@code
 * CodeArtsCheckClient client = CodeArtsCheckClient.builder()
 *     .region(Region.CN_NORTH_4)               // or .endpoint("http://127.0.0.1:8080")
 *     .authToken(tokenCache::current)          // read for every request
 *     .readTimeout(Duration.ofSeconds(10))     // response headers of one attempt
 *     .attemptTimeout(Duration.ofSeconds(15))  // one attempt, headers and body
 *     .callTimeout(Duration.ofSeconds(45))     // every attempt and every wait between them
 *     .maxAttempts(5)
 *     .logLevel(feign.Logger.Level.HEADERS)    // credentials are always masked
 *     .build();
 * }</pre>
 *
 * @param <B> the builder's own type
 * @param <C> the client it builds
 */
public abstract class CodeArtsCheckClientBuilder<B extends CodeArtsCheckClientBuilder<B, C>, C> {
  private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final int DEFAULT_MAX_RESPONSE_BODY_SIZE = 4 * 1024 * 1024;

  private Region region;
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
  private PasswordAuthentication proxyCredentials;
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
  /** A {@code MeterRegistry}, typed {@code Object}: nothing of Micrometer is loaded without one. */
  private Object meterRegistry;
  private Clock clock = Clock.systemUTC();
  /** Where the async client completes its futures; null for its default. */
  Executor completionExecutor;

  CodeArtsCheckClientBuilder() {
  }

  /** This builder, typed as its class. */
  abstract B self();

  /** Creates the client from the checked settings. */
  abstract C create(ClientSettings settings);

  /**
   * Calls the endpoint of a region: {@code https://codearts-check.{region}.myhuaweicloud.com}.
   * There is no default region: give a region or an endpoint (a wrong default would send the
   * credentials to the wrong place).
   *
   * @param region e.g. {@link Region#CN_NORTH_4}, or {@code Region.of("...")}
   * @return this builder
   */
  public B region(Region region) {
    this.region = region;
    return self();
  }

  /**
   * Calls any endpoint instead of a region's, e.g. the emulator at {@code http://127.0.0.1:8080}.
   *
   * @param endpoint an absolute http or https URL, optionally with a base path
   * @return this builder
   */
  public B endpoint(String endpoint) {
    this.endpoint = endpoint;
    return self();
  }

  /**
   * Calls any endpoint instead of a region's, e.g. the emulator's {@code Emulator.uri()}.
   *
   * @param endpoint an absolute http or https URI, optionally with a base path
   * @return this builder
   */
  public B endpoint(URI endpoint) {
    this.endpoint = endpoint == null ? null : endpoint.toString();
    return self();
  }

  /**
   * Sends this IAM token in {@code X-Auth-Token}. A null, blank or unsendable token (CR, LF,
   * non-ASCII) makes {@code build()} fail saying so, e.g. for
   * {@code authToken(System.getenv("CODEARTS_TOKEN"))} with the variable unset.
   *
   * @param token the token (the {@code X-Subject-Token} of IAM)
   * @return this builder
   */
  public B authToken(String token) {
    this.fixedToken = token;
    this.token = null;
    this.tokenGiven = true;
    return self();
  }

  /**
   * Sends the token the supplier returns, read for every request (and every retry), so a
   * refreshed token is used at once. The async client reads it on the thread that starts the
   * attempt: the caller's for the first, the completion executor's for a retry.
   *
   * @param token the token supplier; it must be thread-safe
   * @return this builder
   */
  public B authToken(Supplier<String> token) {
    this.token = token;
    this.fixedToken = null;
    this.tokenGiven = true;
    return self();
  }

  /**
   * Signs every request with an access key and secret key (SDK-HMAC-SHA256) instead of a token.
   *
   * @param accessKey the access key (AK)
   * @param secretKey the secret key (SK); it is never logged
   * @return this builder
   */
  public B akSk(String accessKey, String secretKey) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.akSkGiven = true;
    return self();
  }

  /**
   * Sets the connect timeout (default 10 s) of the built-in transport, or the one passed in
   * {@code Request.Options} to a Feign client given to {@link #httpClient(Client)}.
   *
   * @param timeout a positive duration
   * @return this builder
   */
  public B connectTimeout(Duration timeout) {
    this.connectTimeout = timeout;
    this.connectTimeoutSet = true;
    return self();
  }

  /**
   * Sets the read timeout: how long one attempt waits for the response headers (default 60 s).
   * The body is bounded by the attempt timeout.
   *
   * @param timeout a positive duration
   * @return this builder
   */
  public B readTimeout(Duration timeout) {
    this.readTimeout = timeout;
    return self();
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
  public B attemptTimeout(Duration timeout) {
    this.attemptTimeout = timeout;
    return self();
  }

  /**
   * Sets the call timeout: the longest a call may take, all attempts and the waits between them
   * included (default 3 min, or the attempt timeout if that is longer). No retry is started
   * that could not finish its wait before it.
   *
   * @param timeout a positive duration
   * @return this builder
   */
  public B callTimeout(Duration timeout) {
    this.callTimeout = timeout;
    return self();
  }

  /**
   * Sets the largest response body read (default 4 MiB; the largest documented answer is under
   * 2 KB). A larger 2xx body is not read: the call fails with a {@link CodeArtsCheckException}
   * that says so. Of an error answer only the first 64 KiB are ever read.
   *
   * @param bytes at least 1
   * @return this builder
   */
  public B maxResponseBodySize(int bytes) {
    this.maxResponseBodySize = bytes;
    return self();
  }

  /**
   * Sends requests through an HTTP proxy.
   *
   * @param host proxy host
   * @param port proxy port
   * @return this builder
   */
  public B proxy(String host, int port) {
    this.proxy = InetSocketAddress.createUnresolved(host, port);
    return self();
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
  public B proxy(String host, int port, String user, char[] password) {
    proxy(host, port);
    this.proxyCredentials = new PasswordAuthentication(Objects.requireNonNull(user, "user"),
        Objects.requireNonNull(password, "password"));
    return self();
  }

  /**
   * Uses this SSL context (trust store, client certificate) for https.
   *
   * @param sslContext the context
   * @return this builder
   */
  public B sslContext(SSLContext sslContext) {
    this.sslContext = sslContext;
    return self();
  }

  /**
   * Sets the {@code User-Agent} header (default {@code codearts-check-client/<version> Java/<version>}).
   *
   * @param userAgent the value
   * @return this builder
   */
  public B userAgent(String userAgent) {
    this.userAgent = userAgent;
    return self();
  }

  /**
   * Sends requests through this JDK {@link HttpClient} (its connection pool, executor, proxy, SSL
   * context and connect timeout) instead of a private one. It may be shared by many clients and
   * is not closed by the client's {@code close()}. It must never follow redirects
   * ({@code HttpClient.Redirect.NEVER}, the JDK's default): {@code build()} refuses one that
   * does, since a redirect would carry the credentials to another origin. Proxy, SSL context
   * and connect timeout are its own; setting them on this builder too fails.
   *
   * <p>The built-in client runs the HttpClient's internal tasks inline
   * ({@code executor(Runnable::run)}): with a thread-pool executor, the JDK's HTTP/1.1 pool
   * occasionally fails a request on a reused connection with "header parser received no
   * bytes" after the server answered it (see the client README's "Limits and timeouts").
   *
   * @param httpClient the shared JDK client
   * @return this builder
   */
  public B httpClient(HttpClient httpClient) {
    this.sharedHttpClient = Objects.requireNonNull(httpClient, "httpClient");
    return self();
  }

  /**
   * Sends requests through this Feign {@link Client} (OkHttp, Apache, a wrapper, ...) instead of
   * the built-in JDK HttpClient. It may be shared by many clients and is not closed by the
   * client's {@code close()}; proxy and SSL context are set on it, not on this builder; the
   * connect and read timeouts and {@code followRedirects = false} reach it in
   * {@code Request.Options} (a client that ignores them, or retries or inflates by itself, does
   * so on its own account). Each attempt runs on a worker thread, so the attempt and call
   * timeouts bound the caller even where such a client cannot be unblocked (the async client
   * then holds one worker thread per attempt in flight). To share a JDK HttpClient, give it to
   * {@link #httpClient(HttpClient)}: a feign-java11 {@code Http2Client} (which follows redirects
   * and inflates gzip unasked) is refused here.
   *
   * @param client the Feign client
   * @return this builder
   */
  public B httpClient(Client client) {
    this.client = Objects.requireNonNull(client, "client");
    return self();
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
  public B maxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
    return self();
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
  public B retryBackoff(Duration initial, Duration max) {
    this.initialBackoff = initial;
    this.maxBackoff = max;
    return self();
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
  public B retryNonIdempotent(boolean retry) {
    this.retryNonIdempotent = retry;
    return self();
  }

  /**
   * Turns the local check of arguments against the spec on or off (default on). Off, a
   * 33-character task id is sent and the server answers 400.
   *
   * @param validate whether to check arguments before sending
   * @return this builder
   */
  public B validateArguments(boolean validate) {
    this.validateArguments = validate;
    return self();
  }

  /**
   * Sets Feign's log level (default NONE). Lines go to SLF4J logger
   * {@code io.codeartscheck.client.http} at DEBUG; tokens, signatures and keys are masked.
   *
   * @param level NONE, BASIC (request line, status, time), HEADERS or FULL (bodies too)
   * @return this builder
   */
  public B logLevel(Logger.Level level) {
    this.logLevel = level;
    return self();
  }

  /**
   * Records a Micrometer timer for every call, {@code codearts.check.client.calls}, tagged with
   * the {@code operation} (e.g. {@code stopTaskByIdV2}), its {@code outcome} ({@code SUCCESS},
   * {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code TIMEOUT}, {@code CONNECTION_ERROR}, ...),
   * the {@code status} of the last answer ({@code NONE} without one) and the {@code exception}.
   * Micrometer ({@code io.micrometer:micrometer-core}) is an optional dependency of the client:
   * without this option nothing of it is loaded, and it need not be on the classpath.
   *
   * @param registry the registry the timers are registered in
   * @return this builder
   */
  public B metrics(MeterRegistry registry) {
    this.meterRegistry = Objects.requireNonNull(registry, "registry");
    return self();
  }

  /** For tests: the clock of X-Sdk-Date and Retry-After. */
  B clock(Clock clock) {
    this.clock = clock;
    return self();
  }

  /**
   * Builds the client, checking every setting.
   *
   * @return the client
   * @throws IllegalArgumentException on a missing or bad setting, with what to fix
   */
  public C build() {
    String resolvedEndpoint = resolveEndpoint();
    ClientSettings.Credentials credentials = checkCredentials();
    Checks.positive(connectTimeout, "connectTimeout");
    Checks.positive(readTimeout, "readTimeout");
    checkTransport();
    Duration effectiveConnect = sharedHttpClient == null ? connectTimeout
        : sharedHttpClient.connectTimeout().orElse(DEFAULT_CONNECT_TIMEOUT);
    if (attemptTimeout != null) {
      Checks.positive(attemptTimeout, "attemptTimeout");
    }
    if (callTimeout != null) {
      Checks.positive(callTimeout, "callTimeout");
    }
    if (maxResponseBodySize < 1) {
      throw new IllegalArgumentException("maxResponseBodySize must be at least 1 byte, was "
          + maxResponseBodySize);
    }
    if (userAgent == null || userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent must not be blank");
    }
    if (!Checks.isHeaderValue(userAgent)) {
      throw new IllegalArgumentException("userAgent must be printable ASCII (no CR, LF or "
          + "other control or non-ASCII characters): it is sent as the User-Agent header");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    Checks.positive(initialBackoff, "retryBackoff initial");
    Checks.positive(maxBackoff, "retryBackoff max");
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("retryBackoff: max must not be less than initial");
    }
    Objects.requireNonNull(logLevel, "logLevel");
    CallPolicy policy = new CallPolicy(maxAttempts, initialBackoff, maxBackoff,
        retryNonIdempotent, effectiveConnect, readTimeout, attemptTimeout, callTimeout,
        maxResponseBodySize);
    ClientSettings.TransportSettings transport = new ClientSettings.TransportSettings(
        connectTimeout, proxy, proxyCredentials, sslContext, client, sharedHttpClient);
    return create(new ClientSettings(resolvedEndpoint, credentials, transport, policy, userAgent,
        logLevel, validateArguments, clock, meterRegistry, completionExecutor));
  }

  private ClientSettings.Credentials checkCredentials() {
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
      if (!Checks.isHeaderValue(accessKey)) {
        throw new IllegalArgumentException("akSk: the access key must be printable ASCII: it "
            + "is sent in the Authorization header");
      }
      return new ClientSettings.Credentials(null, accessKey, secretKey);
    }
    if (fixedToken == null && token == null) {
      throw new IllegalArgumentException("authToken: the token is null; give the IAM token (the "
          + "X-Subject-Token of IAM), e.g. authToken(System.getenv(\"CODEARTS_TOKEN\")) with "
          + "CODEARTS_TOKEN set");
    }
    if (token != null) {
      return new ClientSettings.Credentials(token, null, null);
    }
    if (fixedToken.isBlank()) {
      throw new IllegalArgumentException("authToken: the token is blank; give the IAM token "
          + "(the X-Subject-Token of IAM)");
    }
    if (!Checks.isHeaderValue(fixedToken)) {
      throw new IllegalArgumentException("authToken: the token has a character that cannot "
          + "be sent in an HTTP header (CR, LF, another control character or non-ASCII)");
    }
    String value = fixedToken;
    return new ClientSettings.Credentials(() -> value, null, null);
  }

  private static String regionList() {
    return Region.documentedRegions().stream().map(Region::id)
        .collect(Collectors.joining(", "));
  }

  private String resolveEndpoint() {
    if (region != null && endpoint != null) {
      throw new IllegalArgumentException("give either region(...) or endpoint(...), not both");
    }
    if (region != null) {
      return region.endpoint().toString();
    }
    if (endpoint == null) {
      throw new IllegalArgumentException("region or endpoint required: call region(...) with "
          + "one of " + regionList() + ", or endpoint(\"https://...\")");
    }
    URI uri;
    try {
      uri = new URI(endpoint.trim()).normalize();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("bad endpoint '" + endpoint + "': " + e.getMessage()
          + "; give an http(s) URL, or region(...) with one of " + regionList(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
        || uri.getRawQuery() != null || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("bad endpoint '" + endpoint + "': give an absolute "
          + "http(s) URL with a host and no query, e.g. https://codearts-check.cn-north-4."
          + "myhuaweicloud.com, or region(...) with one of " + regionList());
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

  private static String defaultUserAgent() {
    return "codearts-check-client/" + ClientVersion.VERSION + " Java/"
        + System.getProperty("java.version");
  }
}
