package io.codeartscheck.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each operation's parameter examples form the request its doc gives as example, so a spec-driven
 * tester sends requests that succeed against the docs' data (the emulator's default data): the
 * badge of task aexxxx86 with its own execution record, delete of a task no other example uses.
 */
class SpecExamplesTest {

  private static final Pattern REQUEST = Pattern.compile(
      "(?m)^(?:(GET|PUT|POST|DELETE) )?https://\\{endpoint\\}(/[^?\\s]*)(?:\\?(\\S*))?$");

  @ParameterizedTest
  @CsvSource({
      "000_7f53819e641b2da8.txt, GET, /v4/task/{task_id}/code-health-svg, task_id=aexxxx86",
      "001_a218195dcec1241e.txt, PUT, /v1/jobs/{job_id}/result/refresh, job_id=e5470ceb4d0440f198b56974xxxxxxxx",
      "002_94a51e7f3db35975.txt, GET, /v1/tasks/{task_id}/taskcron, task_id=fxxxx7ba3ae14a87a32b151bcbe20801",
      "003_1b86f977a6917a96.txt, POST, /v2/tasks/{task_id}/stop, task_id=2b31ed520xxxxxxebedb6e57xxxxxxxx",
      "004_6249664d200576a7.txt, DELETE, /v3/task/{task_id}, task_id=897acf5exxx48a5013cd"})
  void parameterExamples_areTheDocsExampleRequest(String doc, String method, String template, String pathId) {
    Map<String, String> examples = parameterExamples(method, template);
    String[] id = pathId.split("=", 2);

    assertThat(examples).containsEntry(id[0], id[1]);
    Path docs = Specs.apiDocsDir();
    assumeTrue(Files.isDirectory(docs), "the API docs are not beside the repository: " + docs);
    Matcher request = REQUEST.matcher(Specs.text(docs.resolve(doc)));
    assertThat(request.find()).as("an example request in %s", doc).isTrue();
    assertThat(request.group(1) == null ? "GET" : request.group(1)).isEqualTo(method);
    List<String> pathNames = new ArrayList<>();
    Matcher names = Pattern.compile("\\{(\\w+)}").matcher(template);
    while (names.find()) {
      pathNames.add(names.group(1));
    }
    Matcher path = Pattern.compile(template.replaceAll("\\{\\w+}", "([^/]+)")).matcher(request.group(2));
    assertThat(path.matches()).as("%s matches %s", request.group(2), template).isTrue();
    for (int i = 0; i < pathNames.size(); i++) {
      assertThat(examples.get(pathNames.get(i))).as("path parameter %s", pathNames.get(i))
          .isEqualTo(path.group(i + 1));
    }
    if (request.group(3) != null) {
      for (String pair : request.group(3).split("&")) {
        String[] kv = pair.split("=", 2);
        assertThat(examples).as("query parameter %s", kv[0])
            .containsEntry(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
      }
    }
  }

  private static Map<String, String> parameterExamples(String method, String template) {
    JsonNode operation = Specs.read(Specs.spec()).path("paths").path(template).path(method.toLowerCase());
    assertThat(operation.isObject()).as("%s %s in the spec", method, template).isTrue();
    Map<String, String> examples = new LinkedHashMap<>();
    operation.path("parameters").forEach(p -> {
      assertThat(p.has("$ref")).as("a shared parameter cannot carry this operation's example").isFalse();
      examples.put(p.path("name").asText(), p.path("example").asText());
    });
    return examples;
  }
}
