package io.codeartscheck.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The docs' example bodies, published once from the openapi jar under META-INF/openapi/examples/
 * (derived from the spec's examples by {@link ExampleFiles} during the build).
 */
class PublishedExamplesTest {

  /** The files other modules read; renaming or losing one breaks them. */
  static final List<String> FILES = List.of("badge-200.svg", "refresh-200.json",
      "refresh-200-asynchronous.json", "taskcron-200.json", "stop-200.json", "delete-200.json",
      "400.json", "401.json", "406.json");

  @Test
  void jar_carriesOneFilePerSpecExample_underMetaInfOpenapiExamples() {
    Map<String, byte[]> derived = ExampleFiles.render(Specs.read(Specs.spec()));

    assertThat(derived.keySet()).containsExactlyElementsOf(FILES);
    derived.forEach((name, bytes) ->
        assertThat(resource(name)).as("META-INF/openapi/examples/%s in the jar", name).isEqualTo(bytes));
  }

  @Test
  void jsonExamples_areTheSpecExamples_fieldForFieldAndInOrder() throws Exception {
    JsonNode spec = Specs.read(Specs.spec());
    JsonNode refresh = spec.at("/paths/~1v1~1jobs~1{job_id}~1result~1refresh/put/responses/200/content"
        + "/application~1json/examples/synchronous/value");
    JsonNode published = new ObjectMapper().readTree(resource("refresh-200.json"));

    assertThat(published).isEqualTo(refresh);
    assertThat(published.path("result").size()).isEqualTo(28);
    assertThat(iterable(published.path("result"))).startsWith("CODE_SIZE", "COMFIRM", "CRITICAL");
    assertThat(new String(resource("stop-200.json"), StandardCharsets.UTF_8)).isEqualTo("null\n");
    assertThat(new String(resource("badge-200.svg"), StandardCharsets.UTF_8)).startsWith("<svg ").endsWith("</svg>");
  }

  /** The bodies printed in the API docs (../shared/api-docs beside the repository), byte for byte. */
  @ParameterizedTest
  @CsvSource({
      "001_a218195dcec1241e.txt, 200, refresh-200.json",
      "002_94a51e7f3db35975.txt, 200, taskcron-200.json",
      "004_6249664d200576a7.txt, 200, delete-200.json",
      "000_7f53819e641b2da8.txt, 400, 400.json",
      "001_a218195dcec1241e.txt, 401, 401.json"})
  void jsonExamples_areTheBodiesPrintedInTheApiDocs_byteForByte(String doc, int status, String file) {
    Path docs = Specs.apiDocsDir();
    assumeTrue(Files.isDirectory(docs), "the API docs are not beside the repository: " + docs);

    assertThat(new String(resource(file), StandardCharsets.UTF_8))
        .isEqualTo(printedBody(docs.resolve(doc), status) + "\n");
  }

  static String printedBody(Path doc, int status) {
    Matcher m = Pattern.compile("(?s)Status code: " + status + "\\n\\n[^\\n]*\\n\\n(\\{.*?\\n\\})\\n")
        .matcher(Specs.text(doc));
    assertThat(m.find()).as("a %s example body in %s", status, doc).isTrue();
    return m.group(1);
  }

  static byte[] resource(String name) {
    try (InputStream in = PublishedExamplesTest.class.getClassLoader()
        .getResourceAsStream("META-INF/openapi/examples/" + name)) {
      assertThat(in).as("META-INF/openapi/examples/%s on the classpath", name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Iterable<String> iterable(JsonNode object) {
    return object::fieldNames;
  }
}
