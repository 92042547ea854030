package io.codeartscheck.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Compares a spec with a released baseline and rejects an incompatible change unless the major
 * number of {@code info.version} moved.
 *
 * <p>Incompatible is what openapi-diff calls incompatible (a new required parameter, a removed
 * operation, a narrower request, ...) plus one rule of this toolkit's own: a named schema or a
 * schema property that disappears. openapi-diff lets an optional response field go, but the
 * generated client and server models would lose a getter, which breaks their users' code.
 */
final class BreakingChangeGuard {

  private static final Pattern BASELINE_NAME =
      Pattern.compile("codearts-check-(\\d+)\\.(\\d+)\\.(\\d+)\\.yaml");

  private BreakingChangeGuard() {}

  /** What the comparison found, and whether the build may go on. */
  record Verdict(
      String baselineVersion,
      String currentVersion,
      boolean unchanged,
      boolean incompatibleForOpenApiDiff,
      List<String> removedSchemaMembers,
      String report) {

    boolean incompatible() {
      return incompatibleForOpenApiDiff || !removedSchemaMembers.isEmpty();
    }

    boolean majorMoved() {
      return major(currentVersion) > major(baselineVersion);
    }

    boolean passes() {
      return !incompatible() || majorMoved();
    }

    String explain() {
      return "The spec (info.version " + currentVersion + ") has incompatible changes against the"
          + " released baseline " + baselineVersion + ", and its major version did not move."
          + " Make the change compatible, or raise the major version (info.version and the Maven"
          + " version) and record it in CHANGELOG.md.\n"
          + (removedSchemaMembers.isEmpty() ? ""
              : "Removed from the generated models: " + String.join(", ", removedSchemaMembers) + "\n")
          + report;
    }
  }

  static Verdict compare(Path baseline, Path current) {
    ChangedOpenApi diff =
        OpenApiCompare.fromLocations(baseline.toAbsolutePath().toString(),
            current.toAbsolutePath().toString());
    String report;
    try {
      report = new MarkdownRender().render(diff);
    } catch (RuntimeException e) {
      report = "(no report: " + e + ")";
    }
    JsonNode oldSpec = Specs.read(baseline);
    JsonNode newSpec = Specs.read(current);
    List<String> removed = new ArrayList<>();
    removedMembers("", oldSpec.path("components").path("schemas"),
        newSpec.path("components").path("schemas"), removed);
    return new Verdict(
        Specs.infoVersion(oldSpec),
        Specs.infoVersion(newSpec),
        diff.isUnchanged(),
        diff.isIncompatible(),
        List.copyOf(removed),
        report);
  }

  /** Names under {@code before} (schemas, then properties, recursively) missing from {@code after}. */
  private static void removedMembers(String prefix, JsonNode before, JsonNode after, List<String> removed) {
    before.fieldNames().forEachRemaining(name -> {
      String path = prefix.isEmpty() ? name : prefix + "." + name;
      JsonNode was = before.get(name);
      JsonNode is = after.get(name);
      if (is == null) {
        removed.add(path);
        return;
      }
      if (was.has("properties")) {
        removedMembers(path, was.get("properties"), is.path("properties"), removed);
      }
      if (was.path("items").has("properties")) {
        removedMembers(path + "[]", was.get("items").get("properties"),
            is.path("items").path("properties"), removed);
      }
    });
  }

  /** The baseline with the highest version in {@code dir} (codearts-check-MAJOR.MINOR.PATCH.yaml). */
  static Optional<Path> latestBaseline(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> BASELINE_NAME.matcher(f.getFileName().toString()).matches())
          .max(Comparator.comparing(BreakingChangeGuard::versionOf, BreakingChangeGuard::compareVersions));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Integer> versionOf(Path baseline) {
    Matcher m = BASELINE_NAME.matcher(baseline.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException(baseline.toString());
    }
    return List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)));
  }

  private static int compareVersions(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < 3; i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  static int major(String version) {
    Matcher m = Pattern.compile("^(\\d+)\\.").matcher(version);
    if (!m.find()) {
      throw new IllegalArgumentException("Not a MAJOR.MINOR.PATCH version: " + version);
    }
    return Integer.parseInt(m.group(1));
  }
}
