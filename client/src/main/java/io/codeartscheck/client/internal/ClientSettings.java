package io.codeartscheck.client.internal;

import feign.Client;
import feign.Logger;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The validated settings of a {@code CodeArtsCheckClient.Builder}. Internal: not part of the
 * client's API; the builder documents every field.
 */
public final class ClientSettings {
  /** Creates empty settings, filled in by the builder. */
  public ClientSettings() {
  }

  /** The endpoint URL, without a trailing slash. */
  public String endpoint;
  /** The token supplier, or null when AK/SK signing is used. */
  public Supplier<String> token;
  /** The access key, or null when a token is used. */
  public String accessKey;
  /** The secret key, or null when a token is used. */
  public String secretKey;
  /** Connect timeout of the built-in transport, or the one passed to a user's Feign client. */
  public Duration connectTimeout;
  /** Read timeout: the longest wait for the response headers of one attempt. */
  public Duration readTimeout;
  /** Attempt timeout: the longest one attempt may take, response headers and body. */
  public Duration attemptTimeout;
  /** Call timeout: the longest a call may take, all attempts and the waits between them. */
  public Duration callTimeout;
  /** The largest 2xx response body read, in bytes. */
  public int maxResponseBodySize;
  /** HTTP proxy of the built-in transport, or null. */
  public InetSocketAddress proxy;
  /** Proxy user name, or null. */
  public String proxyUser;
  /** Proxy password, or null. */
  public char[] proxyPassword;
  /** SSL context of the built-in transport, or null for the JDK default. */
  public SSLContext sslContext;
  /** User-Agent header value. */
  public String userAgent;
  /** A user-supplied Feign client, or null. */
  public Client client;
  /** A user-supplied JDK HttpClient (that never follows redirects), or null. */
  public HttpClient sharedHttpClient;
  /** Attempts per call, 1 = no retries. */
  public int maxAttempts;
  /** First backoff delay. */
  public Duration initialBackoff;
  /** Largest delay between attempts, also the longest Retry-After honoured. */
  public Duration maxBackoff;
  /** Whether stop (POST) and delete (DELETE) are retried like GET and PUT. */
  public boolean retryNonIdempotent;
  /** Whether arguments are checked against the spec before sending. */
  public boolean validateArguments;
  /** Feign log level. */
  public Logger.Level logLevel;
  /** Clock for X-Sdk-Date and Retry-After. */
  public Clock clock = Clock.systemUTC();
}
