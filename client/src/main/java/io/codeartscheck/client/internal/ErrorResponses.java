package io.codeartscheck.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Response;
import io.codeartscheck.client.ClientErrorException;
import io.codeartscheck.client.CodeArtsCheckException;
import io.codeartscheck.client.ServerErrorException;
import java.io.IOException;
import java.nio.charset.Charset;

/**
 * Maps every non-2xx response (body already read, at most {@link CallPolicy#MAX_ERROR_BODY_BYTES})
 * to the {@link CodeArtsCheckException} family. Internal: not part of the client's API.
 */
final class ErrorResponses {
  static final int BODY_START_CHARS = 200;

  private ErrorResponses() {
  }

  static CodeArtsCheckException toException(Response response) {
    int status = response.status();
    String requestId = ResponseDecoder.header(response.headers(), "X-Request-Id");
    if (status >= 300 && status < 400) {
      String location = ResponseDecoder.header(response.headers(), "Location");
      return new CodeArtsCheckException(status, null, "redirect to "
          + (location == null ? "(no Location)" : oneLine(location, BODY_START_CHARS))
          + " not followed: the service does not redirect these operations; check the endpoint",
          requestId, null);
    }
    byte[] body = ResponseDecoder.bodyBytes(response);
    Charset charset = ResponseDecoder.charsetOf(
        ResponseDecoder.header(response.headers(), "Content-Type"));
    String errorCode = null;
    String errorMsg = null;
    JsonNode json = parseObject(body);
    if (json != null) {
      errorCode = firstText(json, "error_code", "errorCode", "code");
      errorMsg = firstText(json, "error_msg", "errorMsg", "message");
      if (requestId == null) {
        requestId = firstText(json, "request_id", "requestId");
      }
    }
    if (errorCode == null && errorMsg == null && body.length > 0) {
      errorMsg = bodyStart(new String(body, charset));
    }
    if (status >= 400 && status < 500) {
      return new ClientErrorException(status, errorCode, errorMsg, requestId);
    }
    if (status >= 500) {
      return new ServerErrorException(status, errorCode, errorMsg, requestId);
    }
    return new CodeArtsCheckException(status, errorCode, errorMsg, requestId, null);
  }

  private static JsonNode parseObject(byte[] body) {
    int start = 0;
    while (start < body.length && Character.isWhitespace(body[start])) {
      start++;
    }
    if (start == body.length || body[start] != '{') {
      return null;
    }
    try {
      JsonNode node = ResponseDecoder.MAPPER.readTree(body);
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

  /**
   * The start of a non-JSON body (an HTML page from a gateway) on one line: whitespace runs become
   * one space, and only the first {@value #BODY_START_CHARS} characters are looked at beyond that.
   */
  static String bodyStart(String text) {
    String start = oneLine(text, BODY_START_CHARS);
    return start.isEmpty() ? null : start;
  }

  /** The first {@code max} characters of {@code text} on one line, "..." when cut. */
  static String oneLine(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max + 3));
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        if (out.length() + 1 >= max) {
          return out.append("...").toString();
        }
        out.append(' ');
        pendingSpace = false;
      }
      if (out.length() >= max) {
        return out.append("...").toString();
      }
      out.append(c);
    }
    return out.toString();
  }
}
