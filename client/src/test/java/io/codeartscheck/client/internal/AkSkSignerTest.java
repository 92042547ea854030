package io.codeartscheck.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * SDK-HMAC-SHA256 against fixed inputs: the vectors Huawei publishes in its Go SDK's signer test
 * (huaweicloud-sdk-go-v3 core/auth/signer/signer_test.go), and a straightforward transcription of
 * the published algorithm, written here independently of the class under test.
 */
class AkSkSignerTest {
  private static final Clock FIXED = Clock.fixed(Instant.parse("2006-01-02T15:04:05Z"), ZoneOffset.UTC);

  @Test
  void publishedVector_getWithQuery_matchesHuaweiSignature() {
    AkSkSigner signer = new AkSkSigner("AccessKey", "SecretKey", FIXED);

    String authorization = signer.authorization("GET", "/path", "limit=1",
        Map.of("x-sdk-date", "20060102T150405Z"), new byte[0], "20060102T150405Z");

    assertThat(authorization).isEqualTo("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, "
        + "Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624");
  }

  @Test
  void publishedVector_postWithJsonBody_matchesHuaweiSignature() {
    AkSkSigner signer = new AkSkSigner("AccessKey", "SecretKey", FIXED);

    String authorization = signer.authorization("POST", "/path", "key=value",
        Map.of("x-sdk-date", "20060102T150405Z"),
        // the Go SDK writes the body with json.Encoder, which ends it with a newline
        "{\"Name\":\"test\",\"Id\":1}\n".getBytes(StandardCharsets.UTF_8), "20060102T150405Z");

    assertThat(authorization).isEqualTo("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, "
        + "Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59");
  }

  @Test
  void publishedCanonicalQuery_sortsAndEncodesLikeHuawei() {
    String raw = "limit=1&enable=true&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29"
        + "&path=%2Ftmp%2F123&multi=3&multi=1&multi=2";

    assertThat(AkSkSigner.canonicalQuery(raw)).isEqualTo("enable=true&limit=1&multi=1&multi=2"
        + "&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29");
  }

  @Test
  void refreshExample_matchesIndependentTranscription() throws Exception {
    AkSkSigner signer = new AkSkSigner("AK0000EXAMPLE", "SK0000EXAMPLE/secret", FIXED);
    Map<String, String> headers = new TreeMap<>(Map.of(
        "accept", "application/json",
        "host", "codearts-check.cn-north-4.myhuaweicloud.com",
        "x-sdk-date", "20060102T150405Z"));

    String authorization = signer.authorization("PUT",
        "/v1/jobs/e5470ceb4d0440f198b56974xxxxxxxx/result/refresh", "task_id=&async=false",
        headers, new byte[0], "20060102T150405Z");

    String canonical = "PUT\n"
        + "/v1/jobs/e5470ceb4d0440f198b56974xxxxxxxx/result/refresh/\n"
        + "async=false&task_id=\n"
        + "accept:application/json\n"
        + "host:codearts-check.cn-north-4.myhuaweicloud.com\n"
        + "x-sdk-date:20060102T150405Z\n"
        + "\n"
        + "accept;host;x-sdk-date\n"
        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    String stringToSign = "SDK-HMAC-SHA256\n20060102T150405Z\n"
        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("SK0000EXAMPLE/secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));

    assertThat(AkSkSigner.canonicalRequest("PUT",
        "/v1/jobs/e5470ceb4d0440f198b56974xxxxxxxx/result/refresh", "task_id=&async=false",
        headers, new byte[0])).isEqualTo(canonical);
    assertThat(authorization).isEqualTo("SDK-HMAC-SHA256 Access=AK0000EXAMPLE, "
        + "SignedHeaders=accept;host;x-sdk-date, Signature=" + expected);
  }

  @Test
  void canonicalUri_decodesThenEncodesEachSegmentAndEndsWithSlash() {
    assertThat(AkSkSigner.canonicalUri("/v2/tasks/a%2Fb/stop")).isEqualTo("/v2/tasks/a%2Fb/stop/");
    assertThat(AkSkSigner.canonicalUri("/v2/tasks/%E4%BB%BB/stop")).isEqualTo("/v2/tasks/%E4%BB%BB/stop/");
    assertThat(AkSkSigner.canonicalUri("/v2/tasks/a%20b~c*/stop")).isEqualTo("/v2/tasks/a%20b~c%2A/stop/");
    assertThat(AkSkSigner.canonicalUri("")).isEqualTo("/");
    assertThat(AkSkSigner.canonicalUri("/")).isEqualTo("/");
  }
}
