package io.codeartscheck.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.codeartscheck.client.model.DeleteTaskResponse;
import io.codeartscheck.client.model.ErrorResponse;
import io.codeartscheck.client.model.JobReportInfo;
import io.codeartscheck.client.model.RefreshJobResultResponse;
import io.codeartscheck.client.model.TaskCronResponse;
import io.codeartscheck.client.model.TaskCronResult;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated models' Java names say what the spec's descriptions (the docs' meanings) say:
 * no getter names a count the description contradicts (the report's {@code CRITICAL} counts
 * major issues, so its getter is {@code getMajorIssueCount()}, never {@code getCritical...}), and
 * a property whose Java name is not its JSON name has the JSON name in its description, which is
 * its Javadoc in every generated language. The README's table of the report's fields is checked
 * against both.
 */
class ModelNamesTest {
  private static final List<Class<?>> MODELS = List.of(JobReportInfo.class,
      RefreshJobResultResponse.class, TaskCronResponse.class, TaskCronResult.class,
      DeleteTaskResponse.class, ErrorResponse.class);
  /** Words of a count's meaning; a getter that has one must find it (or its synonym) there. */
  private static final Map<String, Set<String>> MEANINGS = Map.ofEntries(
      Map.entry("critical", Set.of("critical")), Map.entry("major", Set.of("major")),
      Map.entry("minor", Set.of("minor")), Map.entry("suggestion", Set.of("suggestions")),
      Map.entry("new", Set.of("new")), Map.entry("deferred", Set.of("deferred")),
      Map.entry("ignored", Set.of("ignored")), Map.entry("dismissed", Set.of("ignored")),
      Map.entry("confirmed", Set.of("confirmed")), Map.entry("resolved", Set.of("resolved")),
      Map.entry("fixed", Set.of("resolved")), Map.entry("unresolved", Set.of("unresolved")),
      Map.entry("file", Set.of("files")), Map.entry("lines", Set.of("lines")),
      Map.entry("tools", Set.of("tools")), Map.entry("url", Set.of("link")));
  private static final Set<String> SEVERITIES = Set.of("critical", "major", "minor", "suggestion",
      "suggestions");

  /** One property: its getter, JSON name and the spec's description. */
  private record Property(String model, String getter, String jsonName, String description) {
    /** The docs' meaning: the description up to its first parenthesis or full stop. */
    String meaning() {
      return description.split("[(.;]", 2)[0].trim();
    }
  }

  private static List<Property> properties() throws IOException {
    JsonNode schemas = new ObjectMapper(new YAMLFactory())
        .readTree(Path.of("../openapi/src/main/openapi/codearts-check.yaml").toFile())
        .path("components").path("schemas");
    List<Property> properties = new ArrayList<>();
    for (Class<?> model : MODELS) {
      for (Method getter : model.getMethods()) {
        JsonProperty json = getter.getAnnotation(JsonProperty.class);
        if (json == null || !getter.getName().startsWith("get")) {
          continue;
        }
        JsonNode node = schemas.path(model.getSimpleName()).path("properties").path(json.value());
        if (node.has("$ref")) { // described where the referenced schema is
          node = schemas.path(node.get("$ref").asText().replaceFirst(".*/", ""));
        }
        JsonNode description = node.path("description");
        assertThat(description.isTextual()).as("%s.%s has a description in the spec",
            model.getSimpleName(), json.value()).isTrue();
        properties.add(new Property(model.getSimpleName(), getter.getName(), json.value(),
            description.asText().replaceAll("\\s+", " ").trim()));
      }
    }
    return properties;
  }

  private static List<String> words(String text) {
    return Stream.of(text.split("(?<=[a-z])(?=[A-Z])|[^A-Za-z]+")).filter(w -> !w.isEmpty())
        .map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toList());
  }

  @Test
  void everyReportField_isReadByAGetterWhoseNameItsMeaningBacksUp() throws IOException {
    List<String> contradictions = new ArrayList<>();
    for (Property property : properties()) {
      List<String> getterWords = words(property.getter().substring(3));
      Set<String> meaningWords = new TreeSet<>(words(property.meaning()));
      for (String word : getterWords) {
        Set<String> expected = MEANINGS.get(word);
        if (expected != null && expected.stream().noneMatch(meaningWords::contains)) {
          contradictions.add(property.model() + "." + property.getter() + "() for "
              + property.jsonName() + ": '" + word + "' but the meaning is '"
              + property.meaning() + "'");
        }
      }
      Set<String> getterSeverities = getterWords.stream().filter(SEVERITIES::contains)
          .map(w -> w.replace("suggestions", "suggestion")).collect(Collectors.toSet());
      Set<String> meaningSeverities = meaningWords.stream().filter(SEVERITIES::contains)
          .map(w -> w.replace("suggestions", "suggestion")).collect(Collectors.toSet());
      if (!getterSeverities.isEmpty() && !getterSeverities.equals(meaningSeverities)) {
        contradictions.add(property.model() + "." + property.getter() + "() for "
            + property.jsonName() + " names " + getterSeverities + ", its meaning "
            + meaningSeverities);
      }
    }
    assertThat(contradictions).isEmpty();
  }

  @Test
  void everyPropertyWhoseJavaNameIsNotItsJsonName_namesItsJsonNameInItsDescription()
      throws IOException {
    List<Property> renamed = properties().stream()
        .filter(p -> !p.getter().substring(3).equalsIgnoreCase(p.jsonName())).toList();

    assertThat(renamed).as("the report's 28 fields and the error's two").hasSize(30);
    assertThat(renamed).allSatisfy(property -> assertThat(property.description())
        .as("%s.%s", property.model(), property.jsonName())
        .contains("JSON name `" + property.jsonName() + "`"));
  }

  @Test
  void theReadmeTable_matchesTheGeneratedGettersAndTheSpec() throws IOException {
    String readme = java.nio.file.Files.readString(Path.of("README.md"));
    java.util.regex.Matcher row = java.util.regex.Pattern
        .compile("(?m)^\\| `([A-Za-z_]+)` \\| `(get\\w+)\\(\\)` \\| ([^|]+) \\|$").matcher(readme);
    List<String> table = new ArrayList<>();
    while (row.find()) {
      table.add(row.group(1) + " -> " + row.group(2) + ": " + row.group(3).trim());
    }

    assertThat(table).containsExactlyInAnyOrderElementsOf(properties().stream()
        .filter(p -> p.model().equals("JobReportInfo"))
        .map(p -> p.jsonName() + " -> " + p.getter() + ": " + p.meaning()).toList());
  }

  @Test
  void theReportsTwoCriticalFields_haveNamesThatCannotBeConfused() throws IOException {
    Map<String, String> getterByJsonName = properties().stream()
        .filter(p -> p.model().equals("JobReportInfo"))
        .collect(Collectors.toMap(Property::jsonName, Property::getter));

    assertThat(getterByJsonName).containsEntry("CRITICAL", "getMajorIssueCount")
        .containsEntry("FATAL", "getCriticalIssueCount")
        .containsEntry("critical", "getSeverityCriticalCount")
        .containsEntry("major", "getSeverityMajorCount")
        .containsEntry("GENERAL", "getMinorIssueCount")
        .containsEntry("PROMPT", "getSuggestionCount");
  }
}
