package io.codeartscheck.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeartscheck.client.model.DeleteTaskResponse;
import io.codeartscheck.client.model.RefreshJobResultResponse;
import io.codeartscheck.client.model.TaskCronResponse;
import org.junit.jupiter.api.Test;

/**
 * A successful call's status, headers and {@code X-Request-Id} through {@code withRawResponse()},
 * for every operation and both clients; the body is what the plain method returns.
 */
@BothClients
class ResponseMetadataTest extends LoopbackClientTest {
  private static void answer(String contentType, String body, String requestId) {
    var response = aResponse().withStatus(200).withHeader("Content-Type", contentType)
        .withHeader("X-Trace", "a", "b").withBody(body);
    if (requestId != null) {
      response = response.withHeader("X-Request-Id", requestId);
    }
    server.stubFor(any(anyUrl()).willReturn(response));
  }

  @Test
  void schedule_withRawResponse_hasStatusHeadersRequestIdAndTheSameBody() {
    answer("application/json", LoopbackServer.example("taskcron-200.json"), "req-ok-1");

    ApiResponse<TaskCronResponse> response =
        client.withRawResponse().showPortalServiceTaskCron("fxxxx7ba3ae14a87a32b151bcbe20801");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.requestId()).contains("req-ok-1");
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.headers().get("x-trace")).containsExactly("a", "b");
    assertThat(response.body()).isEqualTo(
        client.showPortalServiceTaskCron("fxxxx7ba3ae14a87a32b151bcbe20801"));
    assertThat(response.toString()).contains("status=200", "requestId=req-ok-1");
  }

  @Test
  void everyOperation_givesItsRequestId() {
    answer("application/json", LoopbackServer.example("refresh-200.json"), "req-refresh");
    ApiResponse<RefreshJobResultResponse> refresh = client.withRawResponse()
        .refreshPortalServiceJobResult(r -> r.jobId("e5470ceb4d0440f198b56974xxxxxxxx")
            .async(false));
    assertThat(refresh.requestId()).contains("req-refresh");
    assertThat(refresh.body().getResult().getMajorIssueCount()).isEqualTo(4);

    answer("image/svg+xml", "<svg/>", "req-badge");
    ApiResponse<String> badge = client.withRawResponse().showCodeHealthSvg("aexxxx86");
    assertThat(badge.requestId()).contains("req-badge");
    assertThat(badge.body()).isEqualTo("<svg/>");

    answer("application/json", "null", "req-stop");
    ApiResponse<Void> stop = client.withRawResponse().stopTaskByIdV2("t");
    assertThat(stop.requestId()).contains("req-stop");
    assertThat(stop.statusCode()).isEqualTo(200);
    assertThat(stop.body()).isNull();

    answer("application/json", LoopbackServer.example("delete-200.json"), "req-delete");
    ApiResponse<DeleteTaskResponse> delete = client.withRawResponse()
        .deleteTaskV3(DeleteTaskV3Request.builder().taskId("t").operator("creator").build());
    assertThat(delete.requestId()).contains("req-delete");
    assertThat(delete.body().getResult()).isTrue();
  }

  @Test
  void answerWithoutRequestId_hasNone() {
    answer("application/json", LoopbackServer.example("taskcron-200.json"), null);

    assertThat(client.withRawResponse().showPortalServiceTaskCron("t").requestId()).isEmpty();
  }

  @Test
  void failedCall_throughTheRawView_isTheSameException() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withHeader("X-Request-Id", "req-bad")
        .withBody(LoopbackServer.BAD_REQUEST)));

    assertThatThrownBy(() -> client.withRawResponse().deleteTaskV3("t"))
        .isInstanceOfSatisfying(ClientErrorException.class,
            e -> assertThat(e.getRequestId()).isEqualTo("req-bad"));
  }
}
