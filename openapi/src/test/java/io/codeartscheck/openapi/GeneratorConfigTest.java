package io.codeartscheck.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generator configurations shipped with the spec (src/main/generators, in the jar under
 * META-INF/openapi/generators): every property of JobReportInfo keeps a distinct name in every
 * language, the same name in each language's convention, and the Python one escapes no keyword.
 */
class GeneratorConfigTest {

  private static final String[] LANGUAGES = {"java", "typescript-fetch", "python", "go"};
  private static final Pattern CAMEL = Pattern.compile("[a-z][a-zA-Z0-9]*");
  private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  private static final Pattern PASCAL = Pattern.compile("[A-Z][a-zA-Z0-9]*");
  // Python's keywords and soft keywords (3.12); the generator escapes these with a var_ prefix.
  private static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as",
      "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
      "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
      "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match",
      "case", "type", "_", "self", "property");

  @ParameterizedTest
  @ValueSource(strings = {"java", "typescript-fetch", "python", "go"})
  void config_namesEveryJobReportInfoProperty_andNothingElse(String language) {
    Map<String, String> names = nameMappings(language);

    assertThat(names.keySet())
        .as("%s.yaml nameMappings must name every property of JobReportInfo, else the generator"
            + " derives a name (Python then merges CRITICAL and critical into one attribute)", language)
        .containsExactlyInAnyOrderElementsOf(reportProperties());
  }

  @ParameterizedTest
  @ValueSource(strings = {"java", "typescript-fetch", "python", "go"})
  void config_mapsNoTwoPropertiesToTheSameName_ignoringCase(String language) {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    nameMappings(language).forEach((wire, name) ->
        byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(wire));

    byName.values().removeIf(wires -> wires.size() == 1);
    assertThat(byName).as("%s.yaml: properties sharing a name (case-insensitive)", language).isEmpty();
  }

  @Test
  void everyLanguage_usesTheJavaName_inItsOwnConvention() {
    Map<String, String> java = nameMappings("java");
    Map<String, String> typescript = nameMappings("typescript-fetch");
    Map<String, String> python = nameMappings("python");
    Map<String, String> go = nameMappings("go");

    java.forEach((wire, name) -> {
      assertThat(name).as("java %s", wire).matches(CAMEL);
      assertThat(typescript.get(wire)).as("typescript-fetch %s", wire).isEqualTo(name);
      assertThat(python.get(wire)).as("python %s", wire).isEqualTo(snakeCase(name)).matches(SNAKE);
      assertThat(go.get(wire)).as("go %s", wire)
          .isEqualTo(Character.toUpperCase(name.charAt(0)) + name.substring(1)).matches(PASCAL);
      assertThat(PYTHON_KEYWORDS).as("python %s", wire).doesNotContain(python.get(wire));
    });
  }

  @Test
  void python_givesEveryParameterThatIsAKeyword_aReadableName() {
    Map<String, String> mapped = mappings("python", "parameterNameMappings");
    Set<String> keywords = new TreeSet<>();
    Specs.read(Specs.spec()).path("paths").forEach(path -> path.forEach(operation ->
        operation.path("parameters").forEach(p -> {
          if (PYTHON_KEYWORDS.contains(p.path("name").asText())) {
            keywords.add(p.path("name").asText());
          }
        })));

    assertThat(keywords).as("the spec's parameters named like Python keywords").contains("async");
    assertThat(mapped.keySet()).containsAll(keywords);
    mapped.values().forEach(name -> assertThat(name).matches(SNAKE).isNotIn(PYTHON_KEYWORDS));
  }

  @Test
  void jar_shipsEveryConfiguration_andThePythonTemplate_atMetaInfOpenapiGenerators() throws Exception {
    List<String> files = new ArrayList<>();
    for (String language : LANGUAGES) {
      files.add(language + ".yaml");
    }
    files.add("python-templates/api_client.mustache");
    try (Stream<Path> sources = Files.list(Specs.generatorsDir())) {
      assertThat(sources.filter(f -> f.toString().endsWith(".yaml")).map(f -> f.getFileName().toString()))
          .as("a configuration without a test: add its language to LANGUAGES")
          .containsExactlyInAnyOrder(files.stream().filter(f -> f.endsWith(".yaml")).toArray(String[]::new));
    }
    for (String file : files) {
      try (InputStream in = getClass().getClassLoader()
          .getResourceAsStream("META-INF/openapi/generators/" + file)) {
        assertThat(in).as("META-INF/openapi/generators/%s on the classpath", file).isNotNull();
        assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(Specs.generatorsDir().resolve(file)));
      }
    }
  }

  static List<String> reportProperties() {
    List<String> names = new ArrayList<>();
    Specs.read(Specs.spec()).at("/components/schemas/JobReportInfo/properties").fieldNames()
        .forEachRemaining(names::add);
    assertThat(names).hasSize(28);
    return names;
  }

  static Map<String, String> nameMappings(String language) {
    return mappings(language, "nameMappings");
  }

  private static Map<String, String> mappings(String language, String key) {
    ObjectNode config = Specs.read(Specs.generatorsDir().resolve(language + ".yaml"));
    JsonNode mappings = config.path(key);
    assertThat(mappings.isObject()).as("%s.yaml has %s", language, key).isTrue();
    Map<String, String> result = new LinkedHashMap<>();
    mappings.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
    return result;
  }

  private static String snakeCase(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
