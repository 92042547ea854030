package io.codeartscheck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The request objects: immutable values with builders, "not given" as absence. */
class RequestObjectsTest {
  @Test
  void builtRequest_hasWhatWasGiven_andEmptyForWhatWasNot() {
    RefreshPortalServiceJobResultRequest request = RefreshPortalServiceJobResultRequest.builder()
        .jobId("e5470ceb4d0440f198b56974xxxxxxxx").async(false).build();

    assertThat(request.jobId()).isEqualTo("e5470ceb4d0440f198b56974xxxxxxxx");
    assertThat(request.async()).contains(false);
    assertThat(request.taskId()).isEmpty();
    assertThat(request.overrides()).isEmpty();
  }

  @Test
  void toBuilder_changesACopy_neverTheOriginal() {
    ShowCodeHealthSvgRequest original = ShowCodeHealthSvgRequest.builder().taskId("aexxxx86")
        .locale(BadgeLocale.EN_US).build();

    ShowCodeHealthSvgRequest changed = original.toBuilder().locale(BadgeLocale.ZH_CN)
        .jobId("j").build();

    assertThat(original.locale()).contains(BadgeLocale.EN_US);
    assertThat(original.jobId()).isEmpty();
    assertThat(changed.locale()).contains(BadgeLocale.ZH_CN);
    assertThat(changed.jobId()).contains("j");
    assertThat(changed.taskId()).isEqualTo("aexxxx86");
  }

  @Test
  void requestsWithTheSameValues_areEqual_andShowTheirValues() {
    DeleteTaskV3Request a = DeleteTaskV3Request.builder().taskId("t").operator("op").build();
    DeleteTaskV3Request b = DeleteTaskV3Request.builder().taskId("t").operator("op").build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b)
        .isNotEqualTo(a.toBuilder().operator(null).build())
        .hasToString("DeleteTaskV3Request[taskId=t, operator=op]");
    assertThat(StopTaskByIdV2Request.builder().taskId("t").build())
        .isEqualTo(StopTaskByIdV2Request.builder().taskId("t").build())
        .isNotEqualTo(StopTaskByIdV2Request.builder().taskId("t")
            .overrides(o -> o.maxAttempts(1)).build());
    assertThat(ShowPortalServiceTaskCronRequest.builder().taskId("t").build().operator())
        .isEmpty();
  }

  @Test
  void overrides_throughTheConsumer_addToThoseAlreadySet() {
    StopTaskByIdV2Request request = StopTaskByIdV2Request.builder().taskId("t")
        .overrides(o -> o.maxAttempts(1))
        .overrides(o -> o.header("X-Trace-Id", "x"))
        .build();

    RequestOverrides overrides = request.overrides().orElseThrow();
    assertThat(overrides.maxAttempts()).hasValue(1);
    assertThat(overrides.headers()).containsEntry("X-Trace-Id", "x");
    assertThat(overrides.readTimeout()).isEmpty();
    assertThat(overrides.toString()).contains("maxAttempts=1", "headers=[X-Trace-Id]")
        .doesNotContain("x]");
  }

  @Test
  void overridesHeaderValues_areNotShownInToString() {
    RequestOverrides overrides = RequestOverrides.builder().header("X-Secret-Ish", "s3cr3t")
        .callTimeout(Duration.ofSeconds(5)).build();

    assertThat(overrides.toString()).doesNotContain("s3cr3t").contains("X-Secret-Ish", "PT5S");
    assertThat(overrides.headers()).isUnmodifiable();
  }

  @Test
  void badgeLocale_wireValues() {
    assertThat(BadgeLocale.ZH_CN.wireValue()).isEqualTo("zh-cn");
    assertThat(BadgeLocale.EN_US.wireValue()).isEqualTo("en-us");
  }
}
