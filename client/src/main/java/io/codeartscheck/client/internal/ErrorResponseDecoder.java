package io.codeartscheck.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;
import io.codeartscheck.client.ClientErrorException;
import io.codeartscheck.client.CodeArtsCheckException;
import io.codeartscheck.client.ServerErrorException;
import java.io.IOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Maps every non-2xx response to the {@link CodeArtsCheckException} family. 429 and 5xx come wrapped
 * in a {@link RetryableException} (carrying {@code Retry-After}) so the retryer can decide.
 */
final class ErrorResponseDecoder implements ErrorDecoder {
  static final int BODY_START_CHARS = 200;

  private final Clock clock;

  ErrorResponseDecoder(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    CodeArtsCheckException failure = toException(response);
    int status = response.status();
    if (status == 429 || status >= 500) {
      Request request = response.request();
      return new RetryableException(status, failure.getMessage(), request.httpMethod(), failure,
          retryAfterEpochMillis(ResponseDecoder.header(response.headers(), "Retry-After")),
          request);
    }
    return failure;
  }

  CodeArtsCheckException toException(Response response) {
    int status = response.status();
    String requestId = ResponseDecoder.header(response.headers(), "X-Request-Id");
    String text;
    try {
      text = ResponseDecoder.decodeText(response);
    } catch (IOException e) {
      text = "";
    }
    String errorCode = null;
    String errorMsg = null;
    JsonNode json = parseObject(text);
    if (json != null) {
      errorCode = firstText(json, "error_code", "errorCode", "code");
      errorMsg = firstText(json, "error_msg", "errorMsg", "message");
      if (requestId == null) {
        requestId = firstText(json, "request_id", "requestId");
      }
    }
    if (errorCode == null && errorMsg == null && !text.isBlank()) {
      errorMsg = bodyStart(text);
    }
    if (status >= 400 && status < 500) {
      return new ClientErrorException(status, errorCode, errorMsg, requestId);
    }
    if (status >= 500) {
      return new ServerErrorException(status, errorCode, errorMsg, requestId);
    }
    return new CodeArtsCheckException(status, errorCode, errorMsg, requestId, null);
  }

  /** Parses {@code Retry-After} (delay-seconds or an HTTP-date) into epoch millis, or null. */
  Long retryAfterEpochMillis(String retryAfter) {
    if (retryAfter == null || retryAfter.isBlank()) {
      return null;
    }
    String value = retryAfter.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? null : clock.millis() + seconds * 1000L;
    } catch (NumberFormatException notSeconds) {
      try {
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()
            .toEpochMilli();
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static JsonNode parseObject(String text) {
    String trimmed = text.strip();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      JsonNode node = ResponseDecoder.MAPPER.readTree(trimmed);
      return node != null && node.isObject() ? node : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  private static String firstText(JsonNode json, String... names) {
    for (String name : names) {
      JsonNode value = json.get(name);
      if (value != null && !value.isNull() && !value.isContainerNode()) {
        return value.asText();
      }
    }
    return null;
  }

  /** The start of a non-JSON body (an HTML page from a gateway), on one line. */
  static String bodyStart(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= BODY_START_CHARS
        ? oneLine
        : oneLine.substring(0, BODY_START_CHARS) + "...";
  }
}
