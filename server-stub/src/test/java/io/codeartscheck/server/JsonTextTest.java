package io.codeartscheck.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTextTest {

    @Test
    void error_escapesQuotesBackslashesAndControlCharacters() {
        assertThat(JsonText.error("CC.1", "a\"b\\c\nd\u0001e\u2028"))
                .isEqualTo("{\"error_code\":\"CC.1\",\"error_msg\":\"a\\\"b\\\\c\\nd\\u0001e\\u2028\"}");
    }

    @Test
    void error_keepsNonAsciiText() {
        assertThat(JsonText.error("CC.1", "任务不存在")).contains("任务不存在");
    }
}
