package io.codeartscheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a response is compared with a case's {@code then}. */
class ExpectationsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static ConformanceCase.Then then(String json) throws Exception {
    return new ConformanceCase.Then(List.of(200), Map.of(), null, JSON.readTree(json), null, null, null, false, null);
  }

  static Exchange answer(String body) {
    return new Exchange("GET", "/x", "", Map.of(), null, 200, Map.of("Content-Type", List.of("application/json")), body);
  }

  @Test
  void sameFieldsInTheDocsOrder_match() throws Exception {
    assertThat(Expectations.mismatches(then("{\"a\":1,\"b\":{\"c\":2,\"d\":3}}"), answer("{\"a\":1,\"b\":{\"c\":2,\"d\":3}}")))
        .isEmpty();
  }

  @Test
  void sameFieldsInAnotherOrder_areReported() throws Exception {
    assertThat(Expectations.mismatches(then("{\"a\":1,\"b\":{\"c\":2,\"d\":3}}"), answer("{\"a\":1,\"b\":{\"d\":3,\"c\":2}}")))
        .singleElement().asString().contains("another order");
  }

  @Test
  void aDifferentValue_isReported() throws Exception {
    assertThat(Expectations.mismatches(then("{\"httpStatus\":\"OK\"}"), answer("{\"httpStatus\":200}")))
        .singleElement().asString().contains("differs");
  }

  @Test
  void mediaTypeWithoutParameters_matchesOneWithACharset() {
    ConformanceCase.Then then = new ConformanceCase.Then(List.of(200), Map.of("Content-Type", "application/json"), null,
        null, null, null, null, false, null);
    assertThat(Expectations.mismatches(then, answer(""))).isEmpty();
    Exchange svg = new Exchange("GET", "/x", "", Map.of(), null, 200,
        Map.of("Content-Type", List.of("image/svg+xml;charset=UTF-8")), "");
    assertThat(Expectations.mismatches(then, svg)).singleElement().asString().contains("Content-Type");
  }

  @Test
  void errorBodyWithAnExtraField_isReported() {
    ConformanceCase.Then then = new ConformanceCase.Then(List.of(400), Map.of(), null, null, null, null, null, false, null);
    Exchange error = new Exchange("GET", "/x", "", Map.of(), null, 400, Map.of(),
        "{\"error_code\":\"CC.1\",\"error_msg\":\"bad\",\"trace\":\"at com.example.Foo\"}");
    assertThat(Expectations.mismatches(then, error)).singleElement().asString().contains("other than error_code");
  }

  @Test
  void errorCodeOfTheDocsForm_matchesDigitsOnlyWhereTheDocsPrintX() {
    assertThat(Expectations.errorCodeMatches("CC.xxxxxxxx.400", "CC.00000002.400")).isTrue();
    assertThat(Expectations.errorCodeMatches("CC.xxxxxxxx.400", "CC.0000000A.400")).isFalse();
    assertThat(Expectations.errorCodeMatches("CC.xxxxxxxx.400", "CC.0000002.400")).isFalse();
    assertThat(Expectations.errorCodeMatches("CC.xxxxxxxx.400", "CC.00000002.401")).isFalse();
    assertThat(Expectations.errorCodeMatches("CC.00000003", "CC.00000003")).isTrue();
    assertThat(Expectations.errorCodeMatches("CC.00000003", "CC.00000004")).isFalse();
  }

  @Test
  void blankErrorCode_isReported() {
    ConformanceCase.Then then = new ConformanceCase.Then(List.of(400), Map.of(), null, null, null, null, null, false, null);
    Exchange error = new Exchange("GET", "/x", "", Map.of(), null, 400, Map.of(), "{\"error_code\":\"\",\"error_msg\":\"bad\"}");
    assertThat(Expectations.mismatches(then, error)).singleElement().asString().contains("error_code is missing or blank");
  }
}
