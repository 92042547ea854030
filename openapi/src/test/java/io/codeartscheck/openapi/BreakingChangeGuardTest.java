package io.codeartscheck.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The breaking-change guard: the spec against its latest released baseline, and the guard itself
 * against variants of the baseline with one known change each.
 */
class BreakingChangeGuardTest {

  @TempDir Path tmp;

  @Test
  void currentSpec_hasNoIncompatibleChangeAgainstLatestBaseline_unlessItsMajorVersionMoved() {
    Path baseline = BreakingChangeGuard.latestBaseline(Specs.baselineDir())
        .orElseThrow(() -> new AssertionError("no codearts-check-X.Y.Z.yaml in " + Specs.baselineDir()));

    BreakingChangeGuard.Verdict verdict = BreakingChangeGuard.compare(baseline, Specs.spec());

    assertThat(verdict.passes()).as(verdict::explain).isTrue();
  }

  @Test
  void unchangedSpec_isUnchanged() {
    BreakingChangeGuard.Verdict verdict = compareBaselineWith(spec -> { });

    assertThat(verdict.unchanged()).as(verdict.report()).isTrue();
    assertThat(verdict.passes()).isTrue();
  }

  @Test
  void newRequiredQueryParameter_isIncompatible_andFailsTheGuard() {
    BreakingChangeGuard.Verdict verdict = compareBaselineWith(spec -> {
      ArrayNode parameters = (ArrayNode) spec.at("/paths/~1v3~1task~1{task_id}/delete/parameters");
      parameters.addObject()
          .put("name", "force")
          .put("in", "query")
          .put("required", true)
          .put("description", "Delete even when a check is running.")
          .putObject("schema").put("type", "string");
    });

    assertThat(verdict.incompatibleForOpenApiDiff()).as(verdict.report()).isTrue();
    assertThat(verdict.passes()).isFalse();
    assertThat(verdict.explain()).contains("incompatible", "1.0.0");
  }

  @Test
  void removedResponseField_isIncompatible_andFailsTheGuard() {
    BreakingChangeGuard.Verdict verdict = compareBaselineWith(spec -> {
      ObjectNode properties = (ObjectNode) spec.at("/components/schemas/JobReportInfo/properties");
      properties.remove("COMFIRM");
      removeFromExamples(spec, "COMFIRM");
    });

    assertThat(verdict.incompatible()).as(verdict.report()).isTrue();
    assertThat(verdict.removedSchemaMembers()).containsExactly("JobReportInfo.COMFIRM");
    assertThat(verdict.passes()).isFalse();
    assertThat(verdict.explain()).contains("JobReportInfo.COMFIRM");
  }

  @Test
  void removedSchema_isIncompatible_andFailsTheGuard() {
    BreakingChangeGuard.Verdict verdict = compareBaselineWith(spec -> {
      ((ObjectNode) spec.at("/components/schemas")).remove("TaskCronResult");
      ((ObjectNode) spec.at("/components/schemas/TaskCronResponse/properties/result"))
          .removeAll().put("type", "object").put("description", "The schedule.");
    });

    assertThat(verdict.incompatible()).as(verdict.report()).isTrue();
    assertThat(verdict.removedSchemaMembers()).contains("TaskCronResult");
    assertThat(verdict.passes()).isFalse();
  }

  @Test
  void removedOperation_isIncompatible_andFailsTheGuard() {
    BreakingChangeGuard.Verdict verdict = compareBaselineWith(spec ->
        ((ObjectNode) spec.get("paths")).remove("/v2/tasks/{task_id}/stop"));

    assertThat(verdict.incompatible()).as(verdict.report()).isTrue();
    assertThat(verdict.passes()).isFalse();
  }

  @Test
  void newOptionalResponseField_isCompatible_andPassesTheGuard() {
    BreakingChangeGuard.Verdict verdict = compareBaselineWith(spec -> {
      ObjectNode properties = (ObjectNode) spec.at("/components/schemas/TaskCronResult/properties");
      properties.putObject("nextRunTime")
          .put("type", "string")
          .put("description", "When the next scheduled check runs.");
      ((ObjectNode) spec.get("info")).put("version", "1.1.0");
    });

    assertThat(verdict.unchanged()).as("the diff must see the new field").isFalse();
    assertThat(verdict.removedSchemaMembers()).isEmpty();
    assertThat(verdict.incompatible()).as(verdict.report()).isFalse();
    assertThat(verdict.passes()).isTrue();
  }

  @Test
  void incompatibleChange_passesTheGuard_whenTheMajorVersionMoved() {
    BreakingChangeGuard.Verdict verdict = compareBaselineWith(spec -> {
      ((ObjectNode) spec.get("paths")).remove("/v2/tasks/{task_id}/stop");
      ((ObjectNode) spec.get("info")).put("version", "2.0.0");
    });

    assertThat(verdict.incompatible()).isTrue();
    assertThat(verdict.majorMoved()).isTrue();
    assertThat(verdict.passes()).isTrue();
  }

  @Test
  void incompatibleChange_failsTheGuard_whenOnlyTheMinorVersionMoved() {
    BreakingChangeGuard.Verdict verdict = compareBaselineWith(spec -> {
      ((ObjectNode) spec.get("paths")).remove("/v2/tasks/{task_id}/stop");
      ((ObjectNode) spec.get("info")).put("version", "1.9.0");
    });

    assertThat(verdict.incompatible()).isTrue();
    assertThat(verdict.passes()).isFalse();
  }

  @Test
  void latestBaseline_isChosenByVersionNumber_notByName() throws Exception {
    for (String version : new String[] {"1.9.0", "1.10.0", "0.12.3"}) {
      Files.writeString(tmp.resolve("codearts-check-" + version + ".yaml"), "openapi: 3.0.3\n");
    }
    Files.writeString(tmp.resolve("notes.yaml"), "not a baseline\n");

    assertThat(BreakingChangeGuard.latestBaseline(tmp))
        .hasValueSatisfying(p -> assertThat(p.getFileName()).hasToString("codearts-check-1.10.0.yaml"));
  }

  private BreakingChangeGuard.Verdict compareBaselineWith(Consumer<ObjectNode> change) {
    Path baseline = BreakingChangeGuard.latestBaseline(Specs.baselineDir()).orElseThrow();
    ObjectNode spec = Specs.read(baseline);
    change.accept(spec);
    Path changed = Specs.write(spec, tmp.resolve("changed.yaml"));
    return BreakingChangeGuard.compare(baseline, changed);
  }

  private static void removeFromExamples(ObjectNode spec, String field) {
    spec.findParents(field).forEach(parent -> {
      if (parent instanceof ObjectNode object && !parent.has("type")) {
        object.remove(field);
      }
    });
  }
}
