package io.codeartscheck.conformance;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The conformance suite as a TCK: against any server given on the command line,
 *
 * <pre>
 * mvn -pl conformance verify -Dconformance.baseUrl=http://127.0.0.1:8080 -Dconformance.token=my-token
 * </pre>
 *
 * Cases that need the emulator's default data (the docs' example tasks) or change state are
 * skipped; every other exchange is judged against the spec on the client's side.
 */
@EnabledIfSystemProperty(named = "conformance.baseUrl", matches = ".+")
class RemoteServerConformanceTest extends AbstractConformanceSuite {

  @Override
  ConformanceTarget start() {
    String baseUrl = System.getProperty("conformance.baseUrl");
    String token = System.getProperty("conformance.token", "conformance-token");
    return new ConformanceTarget() {
      @Override
      public String baseUrl() {
        return baseUrl;
      }

      @Override
      public String token() {
        return token;
      }

      @Override
      public boolean hasDefaultData() {
        return false;
      }
    };
  }

  @Override
  void stop() {
  }

  @Override
  String targetName() {
    return System.getProperty("conformance.baseUrl");
  }
}
