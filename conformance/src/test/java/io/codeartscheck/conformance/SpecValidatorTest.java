package io.codeartscheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The judge itself: what the spec validator accepts, and what it catches, with its message. */
class SpecValidatorTest {

  static final SpecValidator SPEC = SpecValidator.fromClasspath();
  static final Map<String, List<String>> TOKEN = Map.of("X-Auth-Token", List.of("t"));
  static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
  static final String REFRESH = "/v1/jobs/e5470ceb4d0440f198b56974xxxxxxxx/result/refresh";

  static SpecVerdict judge(String method, String path, String query, Map<String, List<String>> requestHeaders,
      int status, Map<String, List<String>> responseHeaders, String body) {
    return SPEC.judge(new Exchange(method, path, query, requestHeaders, null, status, responseHeaders, body));
  }

  static String example(String name) throws IOException {
    try (InputStream in = SpecValidatorTest.class.getResourceAsStream("/META-INF/openapi/examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void docsRefreshExample_conformsOnBothSides() throws IOException {
    SpecVerdict verdict = judge("PUT", REFRESH, "task_id=&async=false", TOKEN, 200, JSON, example("refresh-200.json"));

    assertThat(verdict.requestProblems()).isEmpty();
    assertThat(verdict.responseProblems()).isEmpty();
  }

  @Test
  void httpStatusAsInteger_isCaught() throws IOException {
    String body = example("refresh-200.json").replace("\"httpStatus\" : \"OK\"", "\"httpStatus\" : 200");

    assertThat(judge("PUT", REFRESH, "async=false", TOKEN, 200, JSON, body).responseProblems())
        .singleElement().asString()
        .startsWith("validation.response.body.schema.type: [Path '/httpStatus']");
  }

  @Test
  void reportWithoutComfirm_isCaught() throws IOException {
    String body = example("refresh-200.json").replace("\"COMFIRM\" : 0,", "");

    assertThat(judge("PUT", REFRESH, "async=false", TOKEN, 200, JSON, body).responseProblems())
        .singleElement().asString()
        .contains("validation.response.body.schema.required").contains("COMFIRM");
  }

  @Test
  void stopAnsweredWith204_isCaught() {
    assertThat(judge("POST", "/v2/tasks/abc/stop", "", TOKEN, 204, Map.of(), "").responseProblems())
        .containsExactly("validation.response.status.unknown: Response status 204 not defined for path "
            + "'/v2/tasks/{task_id}/stop'.");
  }

  @Test
  void stopAnsweredWithNull_conforms() {
    assertThat(judge("POST", "/v2/tasks/abc/stop", "", TOKEN, 200, JSON, "null").responseProblems()).isEmpty();
  }

  @Test
  void undeclared404_isCaught() {
    assertThat(judge("GET", "/v1/tasks/abc/taskcron", "", TOKEN, 404, JSON,
        "{\"error_code\":\"CC.404\",\"error_msg\":\"no such task\"}").responseProblems())
        .singleElement().asString().startsWith("validation.response.status.unknown: Response status 404");
  }

  @Test
  void svgLabelledAsJson_isCaught() {
    assertThat(judge("GET", "/v4/task/aexxxx86/code-health-svg", "", TOKEN, 200, JSON, "\"<svg/>\"")
        .responseProblems()).singleElement().asString().startsWith("validation.response.contentType.notAllowed");
  }

  @Test
  void deleteResultAsString_isCaught() {
    String body = "{\"httpStatus\":\"OK\",\"result\":\"true\",\"status\":\"success\"}";

    assertThat(judge("DELETE", "/v3/task/897acf5exxx48a5013cd", "", TOKEN, 200, JSON, body).responseProblems())
        .singleElement().asString().contains("[Path '/result']");
  }

  @Test
  void missingToken_isARequestProblem() {
    assertThat(judge("POST", "/v2/tasks/abc/stop", "", Map.of(), 401, JSON,
        "{\"error_code\":\"CC.00000003\",\"error_msg\":\"Authentication information expired.\"}").requestProblems())
        .singleElement().asString().startsWith("validation.request.security.missing");
  }

  @Test
  void badEnumValue_isARequestProblem() {
    assertThat(judge("GET", "/v4/task/aexxxx86/code-health-svg", "locale=fr-fr", TOKEN, 400, JSON,
        "{\"error_code\":\"CC.xxxxxxxx.400\",\"error_msg\":\"locale\"}").requestProblems())
        .anySatisfy(p -> assertThat(p).startsWith("validation.request.parameter.schema.enum"));
  }

  @Test
  void idLengthIsCountedInCharactersAfterPercentDecoding() {
    String twelveChineseCharacters = "%E4%BB%BB".repeat(12);
    String thirtyThree = "%E4%BB%BB".repeat(33);

    assertThat(judge("POST", "/v2/tasks/" + twelveChineseCharacters + "/stop", "", TOKEN, 200, JSON, "null")
        .requestProblems()).isEmpty();
    assertThat(judge("POST", "/v2/tasks/" + thirtyThree + "/stop", "", TOKEN, 400, JSON,
        "{\"error_code\":\"a\",\"error_msg\":\"b\"}").requestProblems())
        .singleElement().asString().contains("maxLength");
  }

  @Test
  void everyJudgementIsCounted() {
    int before = SPEC.judgedCount();
    judge("POST", "/v2/tasks/abc/stop", "", TOKEN, 200, JSON, "null");
    assertThat(SPEC.judgedCount()).isEqualTo(before + 1);
  }
}
