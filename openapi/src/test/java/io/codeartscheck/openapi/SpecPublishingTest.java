package io.codeartscheck.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the openapi module publishes: the versioned spec, in the jar and as an offline HTML page. */
class SpecPublishingTest {

  @Test
  void infoVersion_followsTheMavenProjectVersion_withoutSnapshot() {
    String expected = Specs.projectVersion().replaceFirst("-SNAPSHOT$", "");

    assertThat(Specs.infoVersion(Specs.read(Specs.spec())))
        .as("info.version of %s must follow the Maven version %s (without -SNAPSHOT):"
            + " change both together and record the change in CHANGELOG.md",
            Specs.spec().getFileName(), Specs.projectVersion())
        .isEqualTo(expected);
  }

  @Test
  void spec_isOneSelfContainedFile_withoutExternalReferences() {
    List<String> external = new ArrayList<>();
    collectRefs(Specs.read(Specs.spec()), external);

    assertThat(external)
        .as("the published file must be a bundle: bundle split sources before publishing")
        .isEmpty();
  }

  @Test
  void jar_carriesTheSpecOnTheClasspath_atMetaInfOpenapi() throws Exception {
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("META-INF/openapi/codearts-check.yaml")) {
      assertThat(in).as("META-INF/openapi/codearts-check.yaml on the classpath").isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(Specs.text(Specs.spec()));
    }
  }

  @Test
  void htmlDocs_inlineTheSpecAndSwaggerUi_andLoadNothingFromOutside() {
    assertThat(Specs.docs()).exists();
    String html = Specs.text(Specs.docs());

    assertThat(html)
        .contains(Specs.text(Specs.spec()))
        .contains("SwaggerUIBundle")
        .contains("<title>CodeArts Check task management API " + Specs.projectVersion() + "</title>")
        .doesNotContain("@SPEC_YAML@", "@SWAGGER_UI_JS@", "@SWAGGER_UI_CSS@")
        .doesNotContainPattern("(?i)<script[^>]*\\ssrc=")
        .doesNotContainPattern("(?i)<link[^>]*\\shref=")
        .doesNotContain("sourceMappingURL=");
  }

  @Test
  void htmlDocs_areSmallEnoughToMail() throws Exception {
    assertThat(Files.size(Specs.docs())).isBetween(100_000L, 4_000_000L);
  }

  private static void collectRefs(JsonNode node, List<String> external) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getKey().equals("$ref") && !e.getValue().asText().startsWith("#")) {
          external.add(e.getValue().asText());
        }
        collectRefs(e.getValue(), external);
      });
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, external));
    }
  }
}
