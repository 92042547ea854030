package io.codeartscheck.client.internal;

import feign.Client;
import feign.Feign;
import feign.FeignException;
import feign.Logger;
import feign.Retryer;
import feign.codec.DecodeException;
import io.codeartscheck.client.CodeArtsCheckException;
import io.codeartscheck.client.api.TaskManagementApi;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.util.function.Function;

/**
 * Feign assembled around the generated {@link TaskManagementApi}: Feign builds each request from
 * the generated method and decodes the 2xx answer; {@link CallExecutor} (the Feign {@link Client})
 * makes the attempts through an {@link HttpTransport}, with credentials, deadlines, retries and
 * the translation of every failure into the {@link CodeArtsCheckException} family. Internal: not
 * part of the client's API.
 */
public final class ClientRuntime implements AutoCloseable {
  private static final ArgumentValidator VALIDATOR = new ArgumentValidator();

  private final TaskManagementApi api;
  private final HttpTransport transport;
  private final boolean validateArguments;
  private final String description;
  private volatile boolean closed;

  private ClientRuntime(TaskManagementApi api, HttpTransport transport,
      boolean validateArguments, String description) {
    this.api = api;
    this.transport = transport;
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
    HttpTransport transport;
    if (settings.sharedHttpClient != null) {
      transport = new JdkHttpTransport(settings.sharedHttpClient, false);
    } else if (settings.client != null) {
      transport = new FeignClientTransport(settings.client);
    } else {
      transport = new JdkHttpTransport(newHttpClient(settings), true);
    }
    RequestAuthenticator authenticator = settings.token != null
        ? new TokenAuthenticator(settings.token)
        : new AkSkSigner(settings.accessKey, settings.secretKey, settings.clock);
    String userAgent = settings.userAgent;
    CallExecutor executor = new CallExecutor(transport, authenticator, CallPolicy.of(settings),
        new RedactingSlf4jLogger(), settings.logLevel, settings.clock, Thread::sleep);
    TaskManagementApi api = Feign.builder()
        .client(executor)
        .retryer(Retryer.NEVER_RETRY)
        .logLevel(Logger.Level.NONE) // the executor logs every attempt itself
        .decoder(new ResponseDecoder())
        .requestInterceptor(template -> template.header("User-Agent", userAgent))
        .target(new WireTarget<>(TaskManagementApi.class, settings.endpoint));
    String description = "endpoint=" + settings.endpoint + ", auth=" + authenticator
        + ", transport=" + transport.description();
    return new ClientRuntime(api, transport, settings.validateArguments, description);
  }

  private static HttpClient newHttpClient(ClientSettings settings) {
    HttpClient.Builder builder = JdkHttpTransport.newBuiltInClient(
        settings.endpoint.startsWith("https:"))
        .connectTimeout(settings.connectTimeout);
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
    } catch (DecodeException e) {
      if (e.getCause() instanceof CodeArtsCheckException) {
        throw (CodeArtsCheckException) e.getCause();
      }
      // Not the FeignException itself as the cause: it holds the request, credentials included.
      throw new CodeArtsCheckException(e.status(), null, operation + ": " + e.getMessage(), null,
          e.getCause());
    } catch (FeignException e) {
      throw new CodeArtsCheckException(e.status(), null, operation + ": " + e.getMessage(), null,
          null);
    } catch (RuntimeException e) {
      throw new CodeArtsCheckException(operation + " failed before a response: " + e, e);
    }
  }

  @Override
  public void close() {
    closed = true;
    transport.close();
  }

  @Override
  public String toString() {
    return description;
  }
}
