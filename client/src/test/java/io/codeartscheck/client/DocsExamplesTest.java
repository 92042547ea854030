package io.codeartscheck.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.codeartscheck.client.model.DeleteTaskResponse;
import io.codeartscheck.client.model.JobReportInfo;
import io.codeartscheck.client.model.RefreshJobResultResponse;
import io.codeartscheck.client.model.TaskCronResponse;
import org.junit.jupiter.api.Test;

/** The docs' example requests and responses, replayed unchanged over loopback. */
@BothClients
class DocsExamplesTest extends LoopbackClientTest {
  private static void answer(String contentType, String body) {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", contentType).withBody(body)));
  }

  @Test
  void refresh_docsExample_sendsExactRequestLineAndDecodesEveryField() {
    answer("application/json", LoopbackServer.example("refresh-200.json"));

    RefreshJobResultResponse response =
        client.refreshPortalServiceJobResult(r -> r.jobId("e5470ceb4d0440f198b56974xxxxxxxx").async(false));

    LoggedRequest request = LoopbackServer.onlyRequest(server);
    assertThat(request.getMethod().getName()).isEqualTo("PUT");
    assertThat(request.getUrl())
        .isEqualTo("/v1/jobs/e5470ceb4d0440f198b56974xxxxxxxx/result/refresh?task_id=&async=false");
    assertThat(request.getHeader("X-Auth-Token")).isEqualTo(LoopbackServer.TOKEN);

    assertThat(response.getHttpStatus()).isEqualTo("OK");
    assertThat(response.getStatus()).isEqualTo("success");
    JobReportInfo report = response.getResult();
    assertThat(report.getLinesOfCode()).isEqualTo(991);
    assertThat(report.getConfirmedIssueCount()).isZero();
    assertThat(report.getMajorIssueCount()).isEqualTo(4);
    assertThat(report.getSeverityCriticalCount()).isZero();
    assertThat(report.getDeferredIssueCount()).isZero();
    assertThat(report.getCriticalIssueCount()).isZero();
    assertThat(report.getFileCount()).isEqualTo(3);
    assertThat(report.getFixedIssueCount()).isZero();
    assertThat(report.getMinorIssueCount()).isEqualTo(108);
    assertThat(report.getIgnoredIssueCount()).isZero();
    assertThat(report.getNewIssueCount()).isEqualTo(122);
    assertThat(report.getSuggestionCount()).isEqualTo(10);
    assertThat(report.getReportUrl()).isEqualTo("https://devcloud.example.com/codechecknew/project/"
        + "40a381e7abf944bdbc5d6865xxxxxxxx/codecheck/task/green/e2acda04fab44eb991b9f28cxxxxxxxx/detail");
    assertThat(report.getResolvedIssueCount()).isZero();
    assertThat(report.getStandardDismissedIssueCount()).isZero();
    assertThat(report.getStandardFixedIssueCount()).isZero();
    assertThat(report.getStandardNewIssueCount()).isEqualTo(122);
    assertThat(report.getTools()).containsExactly("fixbotengine-cxx", "clangtidy", "codemars");
    assertThat(report.getNbncLinesOfCode()).isEqualTo(991);
    assertThat(report.getUnresolvedIssueCount()).isEqualTo(122);
    assertThat(report.getNewUnresolvedIssueCount()).isEqualTo(122);
    assertThat(report.getDeferredCriticalCount()).isZero();
    assertThat(report.getDeferredMajorCount()).isZero();
    assertThat(report.getDeferredMinorCount()).isZero();
    assertThat(report.getDeferredSuggestionCount()).isZero();
    assertThat(report.getSeverityMajorCount()).isEqualTo(4);
    assertThat(report.getSeverityMinorCount()).isEqualTo(108);
    assertThat(report.getSeveritySuggestionCount()).isEqualTo(10);
  }

  @Test
  void refresh_withoutTaskIdAndAsync_sendsTheEmptyTaskIdOnly_andGetsNoReport() {
    answer("application/json", "{\"httpStatus\":\"OK\",\"status\":\"success\"}");

    RefreshJobResultResponse response =
        client.refreshPortalServiceJobResult(r -> r.jobId("e5470ceb4d0440f198b56974xxxxxxxx"));

    assertThat(LoopbackServer.onlyRequest(server).getUrl())
        .isEqualTo("/v1/jobs/e5470ceb4d0440f198b56974xxxxxxxx/result/refresh?task_id=");
    assertThat(response.getResult()).isNull();
    assertThat(response.getHttpStatus()).isEqualTo("OK");
  }

  @Test
  void refresh_responseWithUnknownFields_ignoresThem() {
    answer("application/json", "{\"httpStatus\":\"OK\",\"status\":\"success\",\"trace\":{\"a\":1},"
        + "\"result\":{\"CRITICAL\":4,\"critical\":0,\"NEW_FIELD_2027\":[1,2]}}");

    RefreshJobResultResponse response = client.refreshPortalServiceJobResult(r -> r.jobId("job").taskId("task").async(false));

    assertThat(response.getResult().getMajorIssueCount()).isEqualTo(4);
    assertThat(response.getResult().getSeverityCriticalCount()).isZero();
  }

  @Test
  void taskCron_docsExample_decodesEveryField() {
    answer("application/json", LoopbackServer.example("taskcron-200.json"));

    TaskCronResponse response =
        client.showPortalServiceTaskCron("fxxxx7ba3ae14a87a32b151bcbe20801");

    LoggedRequest request = LoopbackServer.onlyRequest(server);
    assertThat(request.getMethod().getName()).isEqualTo("GET");
    assertThat(request.getUrl()).isEqualTo("/v1/tasks/fxxxx7ba3ae14a87a32b151bcbe20801/taskcron");
    assertThat(request.containsHeader("operator")).isFalse();
    assertThat(response.getStatus()).isEqualTo("success");
    assertThat(response.getHttpStatus()).isEqualTo("OK");
    assertThat(response.getResult().getTaskId()).isEqualTo("fxxxx7ba3ae14a87a32b151bcbe20801");
    assertThat(response.getResult().getCronStatus()).isEqualTo("0");
    assertThat(response.getResult().getWeekDays()).containsExactly("0", "1", "2");
    assertThat(response.getResult().getDetailTime()).isEqualTo("15:00");
    assertThat(response.getResult().getCreator()).isEqualTo("creator");
    assertThat(response.getResult().getTimeOffset()).isEqualTo("GMT+08:00");
  }

  @Test
  void taskCron_withOperator_sendsOperatorHeader() {
    answer("application/json", LoopbackServer.example("taskcron-200.json"));

    client.showPortalServiceTaskCron(r -> r.taskId("fxxxx7ba3ae14a87a32b151bcbe20801").operator("creator"));

    assertThat(LoopbackServer.onlyRequest(server).getHeader("operator")).isEqualTo("creator");
  }

  @Test
  void stop_docsExample_nullBodyWithStatus200_returnsNormally() {
    answer("application/json", LoopbackServer.example("stop-200.json"));

    client.stopTaskByIdV2("2b31ed520xxxxxxebedb6e57xxxxxxxx");

    LoggedRequest request = LoopbackServer.onlyRequest(server);
    assertThat(request.getMethod().getName()).isEqualTo("POST");
    assertThat(request.getUrl()).isEqualTo("/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/stop");
    assertThat(request.getBody()).isEmpty();
  }

  @Test
  void stop_emptyBody_returnsNormally() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

    client.stopTaskByIdV2("2b31ed520xxxxxxebedb6e57xxxxxxxx");

    assertThat(LoopbackServer.onlyRequest(server).getUrl()).endsWith("/stop");
  }

  @Test
  void delete_docsExample_resultTrue() {
    answer("application/json", LoopbackServer.example("delete-200.json"));

    DeleteTaskResponse response = client.deleteTaskV3("897acf5exxx48a5013cd");

    LoggedRequest request = LoopbackServer.onlyRequest(server);
    assertThat(request.getMethod().getName()).isEqualTo("DELETE");
    assertThat(request.getUrl()).isEqualTo("/v3/task/897acf5exxx48a5013cd");
    assertThat(response.getHttpStatus()).isEqualTo("OK");
    assertThat(response.getResult()).isTrue();
    assertThat(response.getStatus()).isEqualTo("success");
  }

  @Test
  void delete_resultAsString_decodesAsTrue() {
    answer("application/json", "{\"httpStatus\":\"OK\",\"result\":\"true\",\"status\":\"success\"}");

    DeleteTaskResponse response = client.deleteTaskV3(r -> r.taskId("897acf5exxx48a5013cd").operator("creator"));

    assertThat(response.getResult()).isTrue();
    assertThat(LoopbackServer.onlyRequest(server).getHeader("operator")).isEqualTo("creator");
  }

  @Test
  void badge_docsExampleRequest_sendsPathOnly() {
    answer("image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");

    client.showCodeHealthSvg("aexxxx86");

    assertThat(LoopbackServer.onlyRequest(server).getUrl()).isEqualTo("/v4/task/aexxxx86/code-health-svg");
  }

  @Test
  void badge_withLocaleAndJob_sendsBothQueryParameters() {
    answer("image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");

    client.showCodeHealthSvg(r -> r.taskId("aexxxx86").locale(BadgeLocale.ZH_CN).jobId("e5470ceb4d0440f198b56974xxxxxxxx"));

    assertThat(LoopbackServer.onlyRequest(server).getUrl())
        .isEqualTo("/v4/task/aexxxx86/code-health-svg?locale=zh-cn&job_id=e5470ceb4d0440f198b56974xxxxxxxx");
  }
}
