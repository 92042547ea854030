package io.codeartscheck.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the spec's response examples as files, one per example, so that tests in any module (and
 * any tool) read the docs' bodies from one place: the openapi jar's {@code META-INF/openapi/examples/}.
 * The build runs it ({@code exec-maven-plugin}, phase {@code process-test-classes}) on the spec, so
 * the files are derived, never edited.
 *
 * <p>Names: {@code <operation>-<status>.<ext>} for the first example of an operation's response,
 * {@code <operation>-<status>-<example key>.<ext>} for the others, {@code <status>.json} for the
 * shared error responses ({@code components/responses}). JSON is written the way the docs print it
 * (Jackson's default pretty printer, {@code "key" : value}, arrays on one line) with a final line
 * feed; the SVG badge is the exact body, without one.
 */
public final class ExampleFiles {

  /** The short name of each operation, the prefix of its files. */
  static final Map<String, String> OPERATIONS = Map.of(
      "ShowCodeHealthSvg", "badge",
      "RefreshPortalServiceJobResult", "refresh",
      "ShowPortalServiceTaskCron", "taskcron",
      "StopTaskByIdV2", "stop",
      "DeleteTaskV3", "delete");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"));

  private ExampleFiles() {}

  /** {@code ExampleFiles <spec.yaml> <output folder>}: writes every example file of the spec. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ExampleFiles <spec.yaml> <output folder>");
    }
    Path out = Paths.get(args[1]);
    Files.createDirectories(out);
    Map<String, byte[]> files = render(Specs.read(Paths.get(args[0])));
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Files.write(out.resolve(file.getKey()), file.getValue());
    }
    System.out.println("ExampleFiles: " + files.size() + " examples of " + args[0] + " in " + out);
  }

  /** The example files of a spec, by file name, in the spec's order. */
  static Map<String, byte[]> render(JsonNode spec) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    Map<String, String> sharedStatus = new LinkedHashMap<>();
    spec.path("paths").forEach(pathItem -> pathItem.fields().forEachRemaining(op -> {
      JsonNode operation = op.getValue();
      if (!operation.has("responses")) {
        return;
      }
      String id = operation.path("operationId").asText();
      String prefix = OPERATIONS.get(id);
      if (prefix == null) {
        throw new IllegalStateException("Operation " + id + " has no file prefix: add it to ExampleFiles.OPERATIONS");
      }
      operation.get("responses").fields().forEachRemaining(response -> {
        String status = response.getKey();
        JsonNode value = response.getValue();
        if (value.has("$ref")) {
          String component = value.get("$ref").asText().replaceFirst("^#/components/responses/", "");
          String before = sharedStatus.putIfAbsent(component, status);
          if (before != null && !before.equals(status)) {
            throw new IllegalStateException("Response " + component + " is used for " + before + " and " + status);
          }
        } else {
          addExamples(files, prefix + "-" + status, value);
        }
      });
    }));
    sharedStatus.forEach((component, status) ->
        addExamples(files, status, spec.path("components").path("responses").path(component)));
    return files;
  }

  private static void addExamples(Map<String, byte[]> files, String stem, JsonNode response) {
    response.path("content").fields().forEachRemaining(media -> {
      String extension = extension(media.getKey());
      JsonNode examples = media.getValue().path("examples");
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = examples.fields(); it.hasNext(); first = false) {
        Map.Entry<String, JsonNode> example = it.next();
        String name = first ? stem : stem + "-" + example.getKey();
        byte[] body = body(extension, example.getValue().get("value"));
        if (files.put(name + "." + extension, body) != null) {
          throw new IllegalStateException("Two examples would be written to " + name + "." + extension);
        }
      }
    });
  }

  private static String extension(String mediaType) {
    if (mediaType.equals("application/json")) {
      return "json";
    } else if (mediaType.equals("image/svg+xml")) {
      return "svg";
    }
    throw new IllegalStateException("No file extension for examples of " + mediaType);
  }

  private static byte[] body(String extension, JsonNode value) {
    if (extension.equals("svg")) {
      return value.asText().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return (JSON.writer(PRINTER).writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
