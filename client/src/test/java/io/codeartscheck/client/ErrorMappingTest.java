package io.codeartscheck.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Every non-2xx answer becomes a CodeArtsCheckException with the documented fields. */
@BothClients
class ErrorMappingTest extends LoopbackClientTest {
  private static void answer(int status, String contentType, String body, String requestId) {
    var response = aResponse().withStatus(status).withHeader("Content-Type", contentType)
        .withBody(body);
    if (requestId != null) {
      response = response.withHeader("X-Request-Id", requestId);
    }
    server.stubFor(any(anyUrl()).willReturn(response));
  }

  @Test
  void docs400_onEveryOperation_isClientErrorWithDocumentedCodeAndMessage() {
    answer(400, "application/json", LoopbackServer.BAD_REQUEST, "req-400");

    for (Runnable call : new Runnable[] {
        () -> client.showCodeHealthSvg("aexxxx86"),
        () -> client.refreshPortalServiceJobResult(r -> r.jobId("job").async(false)),
        () -> client.showPortalServiceTaskCron("task"),
        () -> client.stopTaskByIdV2("task"),
        () -> client.deleteTaskV3("task")}) {
      ClientErrorException e = catchThrowableOfType(call::run, ClientErrorException.class);

      assertThat(e.getHttpStatusCode()).isEqualTo(400);
      assertThat(e.getErrorCode()).isEqualTo("CC.xxxxxxxx.400");
      assertThat(e.getErrorMsg()).isEqualTo(
          "Verify request parameter failed. Check whether the request parameters are correct.");
      assertThat(e.getRequestId()).isEqualTo("req-400");
      assertThat(e.getMessage()).contains("400", "CC.xxxxxxxx.400", "Verify request parameter",
          "req-400");
    }
  }

  @Test
  void docs401_isClientErrorWithAuthenticationCode() {
    answer(401, "application/json", LoopbackServer.UNAUTHORIZED, null);

    ClientErrorException e = catchThrowableOfType(
        () -> client.showPortalServiceTaskCron("task"), ClientErrorException.class);

    assertThat(e.getHttpStatusCode()).isEqualTo(401);
    assertThat(e.getErrorCode()).isEqualTo("CC.00000003");
    assertThat(e.getErrorMsg()).isEqualTo("Authentication information expired.");
    assertThat(e.getRequestId()).isNull();
    assertThat(e.getMessage()).contains("request id none");
  }

  @Test
  void requestIdInBody_isUsedWhenHeaderMissing() {
    answer(403, "application/json",
        "{\"error_code\":\"APIGW.0101\",\"error_msg\":\"denied\",\"request_id\":\"body-id\"}", null);

    ClientErrorException e = catchThrowableOfType(() -> client.deleteTaskV3("task"),
        ClientErrorException.class);

    assertThat(e.getRequestId()).isEqualTo("body-id");
    assertThat(e.getErrorCode()).isEqualTo("APIGW.0101");
  }

  @Test
  void htmlBadGateway_isServerErrorWithStatusAndStartOfBody() {
    String html = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n"
        + "<center><h1>502 Bad Gateway</h1></center>\n" + "x".repeat(1000) + "\n</body></html>";
    answer(502, "text/html", html, "gw-1");

    ServerErrorException e = catchThrowableOfType(
        () -> client.showCodeHealthSvg("aexxxx86"), ServerErrorException.class);

    assertThat(e.getHttpStatusCode()).isEqualTo(502);
    assertThat(e.getErrorCode()).isNull();
    assertThat(e.getErrorMsg()).startsWith("<html> <head><title>502 Bad Gateway</title></head>")
        .hasSizeLessThan(220);
    assertThat(e.getMessage()).contains("HTTP 502", "502 Bad Gateway", "gw-1");
  }

  @Test
  void emptyErrorBody_stillGivesStatus() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));

    ClientErrorException e = catchThrowableOfType(() -> client.deleteTaskV3("task"),
        ClientErrorException.class);

    assertThat(e.getHttpStatusCode()).isEqualTo(404);
    assertThat(e.getErrorMsg()).isNull();
  }

  @Test
  void malformed200Body_isCodeArtsCheckExceptionWithStatus() {
    answer(200, "application/json", "{\"httpStatus\":", null);

    CodeArtsCheckException e = catchThrowableOfType(
        () -> client.showPortalServiceTaskCron("task"), CodeArtsCheckException.class);

    assertThat(e.getHttpStatusCode()).isEqualTo(200);
    assertThat(e.getMessage()).contains("TaskCronResponse");
  }
}
