package io.codeartscheck.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Python template shipped with the spec is OpenAPI Generator's own api_client.mustache (of the
 * generator version the build uses) with one marked change, so a generator upgrade that changes the
 * template fails here instead of shipping a stale copy.
 */
class PythonTemplateTest {

  private static final String ORIGINAL_TEXT_MATCH =
      "        elif re.match(r'^text\\/[a-z.+-]+\\s*(;|$)', content_type, re.IGNORECASE):";

  @Test
  void apiClientTemplate_isTheGeneratorsOwn_exceptThatXmlMediaTypesDecodeAsText() throws Exception {
    String shipped = Files.readString(Specs.generatorsDir().resolve("python-templates/api_client.mustache"));
    String upstream;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("python/api_client.mustache")) {
      assertThat(in).as("openapi-generator's python/api_client.mustache on the test classpath").isNotNull();
      upstream = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    List<String> lines = shipped.lines().toList();
    int marker = lines.indexOf("        {{! CODEARTS-CHECK: was r'^text\\/[a-z.+-]+\\s*(;|$)' }}");
    assertThat(marker).as("the marked change").isPositive();
    String changed = lines.get(marker + 1);
    assertThat(changed).contains("\\+xml");
    String restored = String.join("\n", lines.subList(3, marker)) + "\n" + ORIGINAL_TEXT_MATCH + "\n"
        + String.join("\n", lines.subList(marker + 2, lines.size())) + "\n";

    assertThat(lines.get(0)).startsWith("{{! Copied from OpenAPI Generator " + Specs.generatorVersion() + " ");
    assertThat(restored).isEqualTo(upstream);
  }
}
