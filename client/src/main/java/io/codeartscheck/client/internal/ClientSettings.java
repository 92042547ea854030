package io.codeartscheck.client.internal;

import feign.Client;
import feign.Logger;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The validated settings of a client, as one immutable value: the client builders check every
 * option, then build this once; {@link ClientRuntime#create} assembles the client from it.
 * Internal: not part of the client's API; the builder documents every value.
 *
 * @param endpoint the endpoint URL, without a trailing slash
 * @param credentials the token or the access key pair
 * @param transport what the built-in transport is built from, or the transport given
 * @param policy the limits and retry rules of every call
 * @param userAgent the {@code User-Agent} header value
 * @param logLevel Feign's log level
 * @param validateArguments whether arguments are checked against the spec before sending
 * @param clock the clock of {@code X-Sdk-Date} and {@code Retry-After}
 * @param meterRegistry a Micrometer {@code MeterRegistry}, or null; typed {@code Object} so that
 *     nothing of Micrometer is loaded without one
 * @param completionExecutor where the async client completes its futures (null for the sync
 *     client)
 */
public record ClientSettings(String endpoint, Credentials credentials, TransportSettings transport,
    CallPolicy policy, String userAgent, Logger.Level logLevel, boolean validateArguments,
    Clock clock, Object meterRegistry, Executor completionExecutor) {

  /**
   * Checks that nothing required is missing.
   *
   * @param endpoint the endpoint URL
   * @param credentials the credentials
   * @param transport the transport settings
   * @param policy the call policy
   * @param userAgent the User-Agent
   * @param logLevel the log level
   * @param validateArguments whether to check arguments
   * @param clock the clock
   * @param meterRegistry the registry, or null
   * @param completionExecutor the completion executor, or null
   */
  public ClientSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(logLevel, "logLevel");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * Either a token supplier or an access key pair.
   *
   * @param token the token supplier, read for every request, or null
   * @param accessKey the access key, or null
   * @param secretKey the secret key, or null
   */
  public record Credentials(Supplier<String> token, String accessKey, String secretKey) {
    /** Never shows the secret key or the whole access key. */
    @Override
    public String toString() {
      return token != null ? "X-Auth-Token" : AkSkSigner.describe(accessKey);
    }
  }

  /**
   * The transport: a given JDK {@code HttpClient} or Feign {@code Client}, or what the built-in
   * one is built from.
   *
   * @param connectTimeout the connect timeout of the built-in transport, or the one a Feign client
   *     is given
   * @param proxy the HTTP proxy of the built-in transport, or null
   * @param proxyCredentials the proxy's Basic credentials, or null
   * @param sslContext the SSL context of the built-in transport, or null for the JDK's
   * @param feignClient a Feign client to send through, or null
   * @param sharedHttpClient a JDK client to send through, or null
   */
  public record TransportSettings(Duration connectTimeout, InetSocketAddress proxy,
      PasswordAuthentication proxyCredentials, SSLContext sslContext, Client feignClient,
      HttpClient sharedHttpClient) {
    /** Never shows the proxy password. */
    @Override
    public String toString() {
      return "TransportSettings[proxy=" + proxy + ", feignClient=" + feignClient
          + ", sharedHttpClient=" + sharedHttpClient + "]";
    }
  }
}
