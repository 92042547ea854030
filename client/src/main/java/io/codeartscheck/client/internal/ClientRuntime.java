package io.codeartscheck.client.internal;

import feign.Client;
import feign.Feign;
import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import feign.http2client.Http2Client;
import io.codeartscheck.client.CodeArtsCheckException;
import io.codeartscheck.client.ConnectionException;
import io.codeartscheck.client.RequestTimeoutException;
import io.codeartscheck.client.api.TaskManagementApi;
import java.io.IOException;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Feign assembled around the generated {@link TaskManagementApi}: transport, target, decoders,
 * retryer, logger, argument checks and the translation of every failure into the
 * {@link CodeArtsCheckException} family. Internal: not part of the client's API.
 */
public final class ClientRuntime implements AutoCloseable {
  private static final ArgumentValidator VALIDATOR = new ArgumentValidator();

  private final TaskManagementApi api;
  private final HttpClient ownedHttpClient;
  private final boolean validateArguments;
  private final String description;
  private volatile boolean closed;

  private ClientRuntime(TaskManagementApi api, HttpClient ownedHttpClient,
      boolean validateArguments, String description) {
    this.api = api;
    this.ownedHttpClient = ownedHttpClient;
    this.validateArguments = validateArguments;
    this.description = description;
  }

  /**
   * Assembles Feign from validated settings.
   *
   * @param settings the builder's settings
   * @return the runtime, ready for calls from any thread
   */
  public static ClientRuntime create(ClientSettings settings) {
    HttpClient httpClient = null;
    Client client = settings.client;
    long connectTimeoutMillis = settings.connectTimeout.toMillis();
    boolean followRedirects = false;
    String transport;
    if (settings.sharedHttpClient != null) {
      // Http2Client sends through the HttpClient it was given only while Request.Options agree
      // with it on connect timeout and on following redirects; on any difference it builds and
      // caches a private copy. So the options repeat the shared client's own settings.
      HttpClient shared = settings.sharedHttpClient;
      connectTimeoutMillis = shared.connectTimeout().orElseThrow().toMillis();
      followRedirects = shared.followRedirects() == HttpClient.Redirect.ALWAYS;
      client = new Http2Client(shared);
      transport = "shared JDK HttpClient";
    } else if (client == null) {
      httpClient = newHttpClient(settings);
      client = new Http2Client(httpClient);
      transport = "JDK HttpClient";
    } else {
      transport = client.getClass().getName();
    }
    RequestAuthenticator authenticator = settings.token != null
        ? new TokenAuthenticator(settings.token)
        : new AkSkSigner(settings.accessKey, settings.secretKey, settings.clock);
    String userAgent = settings.userAgent;
    BackoffRetryer.RetrySettings retry = new BackoffRetryer.RetrySettings(settings.maxAttempts,
        settings.initialBackoff, settings.maxBackoff, settings.retryNonIdempotent);
    TaskManagementApi api = Feign.builder()
        .client(client)
        .options(new Request.Options(connectTimeoutMillis, TimeUnit.MILLISECONDS,
            settings.readTimeout.toMillis(), TimeUnit.MILLISECONDS, followRedirects))
        .decoder(new ResponseDecoder())
        .errorDecoder(new ErrorResponseDecoder(settings.clock))
        .retryer(new BackoffRetryer(retry, settings.clock, Thread::sleep))
        .logger(new RedactingSlf4jLogger())
        .logLevel(settings.logLevel)
        .requestInterceptor(template -> template.header("User-Agent", userAgent))
        .target(new WireTarget<>(TaskManagementApi.class, settings.endpoint, authenticator));
    String description = "endpoint=" + settings.endpoint + ", auth=" + authenticator
        + ", transport=" + transport;
    return new ClientRuntime(api, httpClient, settings.validateArguments, description);
  }

  private static HttpClient newHttpClient(ClientSettings settings) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(settings.connectTimeout)
        // HTTP/2 is negotiated over TLS (ALPN); over plain HTTP, HTTP/1.1 avoids the h2c upgrade.
        .version(settings.endpoint.startsWith("https:") ? HttpClient.Version.HTTP_2
            : HttpClient.Version.HTTP_1_1);
    if (settings.proxy != null) {
      builder.proxy(ProxySelector.of(settings.proxy));
      if (settings.proxyUser != null) {
        String user = settings.proxyUser;
        char[] password = settings.proxyPassword.clone();
        builder.authenticator(new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            return getRequestorType() == RequestorType.PROXY
                ? new PasswordAuthentication(user, password.clone())
                : null;
          }
        });
      }
    }
    if (settings.sslContext != null) {
      builder.sslContext(settings.sslContext);
    }
    return builder.build();
  }

  /**
   * Checks the arguments, calls the operation and translates any failure.
   *
   * @param operation the Java name of the generated method
   * @param call the call on the generated interface
   * @param args the arguments, for the checks
   * @param <T> the result type
   * @return the decoded result
   * @throws CodeArtsCheckException on any failure
   */
  public <T> T call(String operation, Function<TaskManagementApi, T> call, Object... args) {
    if (closed) {
      throw new IllegalStateException("the client is closed");
    }
    VALIDATOR.check(operation, validateArguments, args);
    try {
      return call.apply(api);
    } catch (CodeArtsCheckException e) {
      throw e;
    } catch (RetryableException e) {
      throw translate(e);
    } catch (FeignException e) {
      throw new CodeArtsCheckException(e.status(), null, e.getMessage(), null, e);
    } catch (RuntimeException e) {
      throw new CodeArtsCheckException(operation + " failed before a response: " + e, e);
    }
  }

  static CodeArtsCheckException translate(RetryableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof CodeArtsCheckException) {
      return (CodeArtsCheckException) cause;
    }
    String target = e.method() + " " + (e.request() == null ? "" : e.request().url());
    if (cause instanceof HttpConnectTimeoutException) {
      return new RequestTimeoutException("connect timed out: " + target, cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new RequestTimeoutException("read timed out (no response in time): " + target,
          cause);
    }
    if (cause instanceof IOException) {
      return new ConnectionException("connection failed (" + cause + "): " + target, cause);
    }
    return new ConnectionException("request failed: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    closed = true;
    // HttpClient is AutoCloseable from Java 21 on; on 17 its threads end when it is unreachable.
    Object httpClient = ownedHttpClient;
    if (httpClient instanceof AutoCloseable) {
      try {
        ((AutoCloseable) httpClient).close();
      } catch (Exception ignored) {
        // closing is best effort
      }
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
