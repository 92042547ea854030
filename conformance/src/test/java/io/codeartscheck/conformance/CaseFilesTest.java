package io.codeartscheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeartscheck.client.internal.PercentEncoder;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped case files, as data: what every case must say, and the requests derived from them. */
class CaseFilesTest {

  static final Pattern LENGTH = Pattern.compile("-(length-\\d+|17-emoji)$");

  static ConformanceCase read(CaseFiles.CaseFile file) {
    return ConformanceCase.read(file.name(), file.tree());
  }

  @Test
  void everyCaseFile_isReadFromTheClasspath() {
    assertThat(CaseFiles.all()).hasSizeGreaterThanOrEqualTo(77)
        .allSatisfy(file -> assertThat(read(file).description()).isNotBlank());
  }

  @Test
  void everyErrorCase_checksTheErrorCodeTheDocsFix() {
    for (CaseFiles.CaseFile file : CaseFiles.all()) {
      ConformanceCase.Then then = read(file).then();
      if (then.status().equals(List.of(400))) {
        assertThat(then.errorCode()).as(file.name()).isEqualTo("CC.xxxxxxxx.400");
      } else if (then.status().equals(List.of(401))) {
        assertThat(then.errorCode()).as(file.name()).isEqualTo("CC.00000003");
      }
    }
  }

  /** A boundary case proves the value passes validation by a success, or that it fails by a 400 naming the parameter. */
  @Test
  void everyBoundaryCase_hasAnAnswerAnOffByOneValidatorCannotGive() {
    int boundaries = 0;
    for (CaseFiles.CaseFile file : CaseFiles.all()) {
      Matcher m = LENGTH.matcher(file.name());
      if (!m.find()) {
        continue;
      }
      boundaries++;
      ConformanceCase c = read(file);
      if (c.then().success()) {
        assertThat(c.requestConforms()).as(file.name()).isTrue();
      } else {
        assertThat(c.then().status()).as(file.name()).containsExactly(400);
        assertThat(c.then().errorMsgContains()).as(file.name()).isNotBlank();
        assertThat(c.requestConforms()).as(file.name()).isFalse();
      }
    }
    assertThat(boundaries).isGreaterThanOrEqualTo(20);
  }

  @Test
  void theDocsExampleCases_putTheDocsExampleRequestsOnTheWire_givenTheDocsIds() {
    Map<String, String> expected = Map.of(
        "badge-docs-example", "GET /v4/task/aexxxx86/code-health-svg",
        "refresh-docs-example", "PUT /v1/jobs/e5470ceb4d0440f198b56974xxxxxxxx/result/refresh?task_id=&async=false",
        "taskcron-docs-example", "GET /v1/tasks/fxxxx7ba3ae14a87a32b151bcbe20801/taskcron",
        "stop-docs-example", "POST /v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/stop",
        "delete-docs-example", "DELETE /v3/task/897acf5exxx48a5013cd");
    Map<String, String> docsIds = Map.of("task", "aexxxx86", "job", "e5470ceb4d0440f198b56974xxxxxxxx");
    Map<String, String> perCase = Map.of("taskcron-docs-example", "fxxxx7ba3ae14a87a32b151bcbe20801",
        "stop-docs-example", "2b31ed520xxxxxxebedb6e57xxxxxxxx", "delete-docs-example", "897acf5exxx48a5013cd");
    expected.forEach((name, line) -> {
      Map<String, String> ids = new java.util.HashMap<>(docsIds);
      if (perCase.containsKey(name)) {
        ids.put("task", perCase.get(name));
      }
      ConformanceCase c = CaseFiles.named(name).fresh(Placeholders.fixed(ids));
      RawHttpRunner.WireRequest wire = Operations.SPEC.wire(c.request(), "t", null);
      assertThat(wire.requestLine()).as(name).isEqualTo(line);
      assertThat(wire.headers()).as(name).containsExactly(Map.entry("X-Auth-Token", "t"));
    });
  }

  @Test
  void inputs_goWhereTheSpecPutsThem() {
    ConformanceCase c = CaseFiles.named("taskcron-operator-length-1").fresh(Placeholders.fixed(Map.of("task", "a b")));
    RawHttpRunner.WireRequest wire = Operations.SPEC.wire(c.request(), "t", "r");
    assertThat(wire.requestLine()).isEqualTo("GET /v1/tasks/a%20b/taskcron");
    assertThat(wire.headers()).containsExactly(Map.entry("X-Auth-Token", "t"), Map.entry("operator", "o"));

    ConformanceCase rejected = CaseFiles.named("taskcron-rejected-token").fresh(Placeholders.fixed(Map.of("task", "x")));
    assertThat(Operations.SPEC.wire(rejected.request(), "t", "r").headers()).containsExactly(Map.entry("X-Auth-Token", "r"));
    ConformanceCase none = CaseFiles.named("taskcron-no-token").fresh(Placeholders.fixed(Map.of("task", "x")));
    assertThat(Operations.SPEC.wire(none.request(), "t", "r").headers()).isEmpty();
  }

  @Test
  void pathAndQueryValues_areEncodedAsTheClientEncodesThem() {
    for (String value : new String[] {"aexxxx86", "a/b", "..", ".", "a\r\nX-Injected: 1", "任务-é", "a b+c%d", "😀😁", "~-._"}) {
      assertThat(Operations.encode(value)).as(value).isEqualTo(PercentEncoder.encode(value));
    }
  }

  @Test
  void placeholders_getFreshValuesOfTheirShape_oneValuePerName() {
    ConformanceCase c = CaseFiles.named("stop-task-id-17-emoji").fresh(Placeholders.of(CaseFiles.named("stop-task-id-17-emoji").tree()));
    String id = c.request().inputs().get("task_id");
    assertThat(id.codePointCount(0, id.length())).isEqualTo(17);
    assertThat(id.length()).isEqualTo(34);
    assertThat(c.given()).singleElement().extracting(ConformanceCase.GivenTask::taskId).isEqualTo(id);

    ConformanceCase other = CaseFiles.named("stop-task-id-17-emoji").fresh(Placeholders.of(CaseFiles.named("stop-task-id-17-emoji").tree()));
    assertThat(other.request().inputs().get("task_id")).isNotEqualTo(id);

    ConformanceCase thirtyTwo = CaseFiles.named("badge-task-id-length-32").fresh(Placeholders.of(CaseFiles.named("badge-task-id-length-32").tree()));
    assertThat(thirtyTwo.request().inputs().get("task_id")).hasSize(32).isEqualTo(thirtyTwo.given().get(0).taskId());
  }

  @Test
  void typedRuns_leaveOutOnlyWhatTheClientCannotSend() {
    List<String> rawOnly = CaseFiles.all().stream().map(CaseFilesTest::read).filter(c -> !c.runsTyped())
        .map(ConformanceCase::name).sorted().toList();
    // (the typed client has types where the wire has strings: no empty or unknown locale, no async=yes)
    assertThat(rawOnly).allSatisfy(name -> assertThat(name).matches(
        ".*(no-token|blank-token|wrong-method|unknown-path|accept-.*|operator-empty|locale-empty|locale-not-in-enum|async-not-boolean)"));
  }
}
