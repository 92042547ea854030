package io.codeartscheck.client.internal;

import feign.Request;
import feign.Response;
import feign.slf4j.Slf4jLogger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Feign's {@link Slf4jLogger} (DEBUG level of logger {@value #NAME}) with credentials masked:
 * {@code X-Auth-Token}, {@code Authorization} and the other credential headers are written as
 * {@value #MASK} at every level, so no log line holds a token, a signature or a secret.
 */
final class RedactingSlf4jLogger extends Slf4jLogger {
  static final String NAME = "io.codeartscheck.client.http";
  static final String MASK = "<redacted>";
  private static final Set<String> SENSITIVE = Set.of("x-auth-token", "authorization",
      "proxy-authorization", "x-subject-token", "x-security-token", "cookie", "set-cookie");

  private final org.slf4j.Logger slf4j;

  RedactingSlf4jLogger() {
    this(org.slf4j.LoggerFactory.getLogger(NAME));
  }

  private RedactingSlf4jLogger(org.slf4j.Logger slf4j) {
    super(slf4j);
    this.slf4j = slf4j;
  }

  static boolean isSensitive(String header) {
    return header != null && SENSITIVE.contains(header.toLowerCase(Locale.ROOT));
  }

  @Override
  protected void logRequest(String configKey, Level logLevel, Request request) {
    if (!slf4j.isDebugEnabled()) {
      return;
    }
    log(configKey, "---> %s %s HTTP/1.1", request.httpMethod().name(), request.url());
    if (logLevel.ordinal() >= Level.HEADERS.ordinal()) {
      for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
        for (String value : header.getValue()) {
          log(configKey, "%s: %s", header.getKey(), isSensitive(header.getKey()) ? MASK : value);
        }
      }
      int length = request.body() == null ? 0 : request.body().length;
      log(configKey, "---> END HTTP (%s-byte body)", length);
    }
  }

  @Override
  protected boolean shouldLogResponseHeader(String header) {
    return !isSensitive(header);
  }

  /** Whether anything is logged at this level. */
  boolean isEnabled(Level level) {
    return level != Level.NONE && slf4j.isDebugEnabled();
  }

  /** Logs one attempt's request, credentials masked. */
  void attemptRequest(String configKey, Level level, Request request) {
    logRequest(configKey, level, request);
  }

  /** Logs one attempt's response (its body is already in memory). */
  void attemptResponse(String configKey, Level level, Response response, long elapsedMillis) {
    try {
      logAndRebufferResponse(configKey, level, response, elapsedMillis);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a body in memory does not fail
    }
  }

  /** Logs one attempt's transport failure. */
  void attemptFailure(String configKey, Level level, IOException failure, long elapsedMillis) {
    logIOException(configKey, level, failure, elapsedMillis);
  }

  /** Logs that the call makes another attempt. */
  void retry(String configKey, Level level) {
    logRetry(configKey, level);
  }
}
