package io.codeartscheck.conformance;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The TCK against any running server, from the command line:
 *
 * <pre>
 * mvn -B -pl conformance verify -Dconformance.baseUrl=http://127.0.0.1:8080 -Dconformance.token=my-token \
 *     -Dconformance.fixtures=emulator-admin-api -Dconformance.rejectedToken=expired-token
 * </pre>
 *
 * {@code conformance.fixtures=emulator-admin-api} makes the cases' tasks through the emulator's
 * admin API (any server that implements {@code POST /__emulator/tasks}); without it, the cases
 * that need tasks are skipped, saying so. Without {@code conformance.rejectedToken}, the case that
 * sends a rejected token is skipped, saying so.
 */
@EnabledIfSystemProperty(named = "conformance.baseUrl", matches = ".+")
class RemoteServerConformanceTest extends AbstractConformanceSuite {

  static final String ADMIN_API = "emulator-admin-api";

  @Override
  protected ConformanceTarget target() {
    String baseUrl = System.getProperty("conformance.baseUrl");
    String token = System.getProperty("conformance.token", "conformance-token");
    String fixtures = System.getProperty("conformance.fixtures", "");
    if (!fixtures.isEmpty() && !fixtures.equals(ADMIN_API)) {
      throw new IllegalArgumentException("conformance.fixtures: " + ADMIN_API + " or nothing, not " + fixtures);
    }
    String rejected = System.getProperty("conformance.rejectedToken", "");
    return ConformanceTarget.builder()
        .baseUrl(baseUrl)
        .token(token)
        .rejectedToken(rejected.isEmpty() ? null : rejected)
        .fixtures(fixtures.isEmpty() ? null : Fixtures.emulatorAdminApi(baseUrl, token))
        .build();
  }
}
