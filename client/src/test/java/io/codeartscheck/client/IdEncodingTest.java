package io.codeartscheck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server receives exactly the id the caller gave: the client percent-encodes every path and
 * query value itself, {@code %} included, and refuses, before sending, ids that a normalising
 * server would read as another path ({@code .} and {@code ..} in any encoding) or that carry
 * control characters. The request lines are read from a raw socket, byte for byte.
 */
@BothClients
class IdEncodingTest {
  @Parameter
  ClientKind kind;

  private static RawHttpServer server;
  private ClientUnderTest client;

  @BeforeAll
  static void start() throws Exception {
    server = new RawHttpServer(exchange -> exchange.respond(200, "application/json",
        exchange.method().equals("POST") ? "null"
            : exchange.method().equals("PUT") ? LoopbackServer.example("refresh-200.json")
            : LoopbackServer.example("delete-200.json")));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private int before;

  @BeforeEach
  void markAndBuildClient() {
    before = server.requests();
    client = ClientUnderTest.of(LoopbackServer.clientFor(kind, server).maxAttempts(1));
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private static String lastRequestLine() {
    var lines = server.requestLines();
    return lines.get(lines.size() - 1);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a%2Fb       | /v3/task/a%252Fb",
      "a/b         | /v3/task/a%2Fb",
      "a%41        | /v3/task/a%2541",
      "%           | /v3/task/%25",
      "100%        | /v3/task/100%25",
      "x%zz        | /v3/task/x%25zz",
      "任务        | /v3/task/%E4%BB%BB%E5%8A%A1"})
  void everyId_isSentSoThatTheServerDecodesExactlyIt(String id, String path) {
    client.deleteTaskV3(id);

    assertThat(lastRequestLine()).isEqualTo("DELETE " + path + " HTTP/1.1");
  }

  @Test
  void alreadyEncodedSlashAndPlainSlash_goOutAsDifferentRequests() {
    client.deleteTaskV3("a%2Fb");
    String encoded = lastRequestLine();
    client.deleteTaskV3("a/b");

    assertThat(lastRequestLine()).isNotEqualTo(encoded);
  }

  @Test
  void queryValues_areEncodedCompletelyToo() {
    client.refreshPortalServiceJobResult(r -> r.jobId("j%2F1").taskId("a%2Fb"));

    assertThat(lastRequestLine())
        .isEqualTo("PUT /v1/jobs/j%252F1/result/refresh?task_id=a%252Fb HTTP/1.1");
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "..", "%2e", "%2E%2E", "%2e%2e", ".%2E", "%2E.", "%252E%252E",
      "%25252e"})
  void dotSegmentIds_inAnyEncoding_areRefusedBeforeSending(String id) {
    assertThatThrownBy(() -> client.stopTaskByIdV2(id))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageStartingWith("task_id: must not be '.' or '..'");
    assertThatThrownBy(() -> client.deleteTaskV3(id))
        .isInstanceOf(InvalidArgumentException.class);
    assertThat(server.requests()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "%00", "a%0d%0aX-Injected:%201", "%250A", "tab\there",
      "del\u007f", "c1\u0085"})
  void idsWithControlCharacters_inAnyEncoding_areRefusedBeforeSending(String id) {
    assertThatThrownBy(() -> client.showPortalServiceTaskCron(id))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("task_id: must not contain control characters");
    assertThatThrownBy(() -> client.refreshPortalServiceJobResult(r -> r.jobId("job").taskId(id)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("task_id: must not contain control characters");
    assertThat(server.requests()).isEqualTo(before);
  }

  @Test
  void idWithAnUnpairedSurrogate_isRefused_becauseItHasNoUtf8Form() {
    assertThatThrownBy(() -> client.stopTaskByIdV2("a\uD800b"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("unpaired surrogate");
    assertThat(server.requests()).isEqualTo(before);
  }

  @Test
  void dotsInsideAnId_areFine() {
    client.deleteTaskV3("v1.2..3");

    assertThat(lastRequestLine()).isEqualTo("DELETE /v3/task/v1.2..3 HTTP/1.1");
  }

  @Test
  void withValidationOff_dotIdsAreStillOneEncodedSegment_andControlCharactersEncoded() {
    try (ClientUnderTest unchecked = ClientUnderTest.of(LoopbackServer.clientFor(kind, server).maxAttempts(1)
        .validateArguments(false))) {
      unchecked.stopTaskByIdV2("..");
      assertThat(lastRequestLine()).isEqualTo("POST /v2/tasks/%2E%2E/stop HTTP/1.1");
      unchecked.deleteTaskV3("a\r\nX-Injected: 1");
      assertThat(lastRequestLine())
          .isEqualTo("DELETE /v3/task/a%0D%0AX-Injected%3A%201 HTTP/1.1");
    }
  }
}
