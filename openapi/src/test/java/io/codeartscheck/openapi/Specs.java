package io.codeartscheck.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Reads and writes spec files as YAML trees; locates the files the build passes in. */
final class Specs {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Specs() {}

  /** The spec source, as passed by surefire (openapi/src/main/openapi/codearts-check.yaml). */
  static Path spec() {
    return Paths.get(required("codearts.spec"));
  }

  /** The folder of released baseline specs (openapi/baseline). */
  static Path baselineDir() {
    return Paths.get(required("codearts.baseline.dir"));
  }

  /** The generated HTML reference (openapi/target/docs/codearts-check.html). */
  static Path docs() {
    return Paths.get(required("codearts.docs"));
  }

  /** The generator configurations shipped with the spec (openapi/src/main/generators). */
  static Path generatorsDir() {
    return Paths.get(required("codearts.generators.dir"));
  }

  /** The API docs beside the repository (../shared/api-docs); may be absent outside this project. */
  static Path apiDocsDir() {
    return Paths.get(required("codearts.api.docs.dir"));
  }

  /** The OpenAPI Generator version the build uses, e.g. 7.25.0. */
  static String generatorVersion() {
    return required("codearts.generator.version");
  }

  /** The Maven project version, e.g. 1.0.0-SNAPSHOT. */
  static String projectVersion() {
    return required("codearts.project.version");
  }

  static ObjectNode read(Path file) {
    try {
      return (ObjectNode) YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(JsonNode spec, Path file) {
    try {
      YAML.writeValue(file.toFile(), spec);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String infoVersion(JsonNode spec) {
    return spec.path("info").path("version").asText();
  }

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("System property " + property + " is not set: run the tests with Maven");
    }
    return value;
  }
}
