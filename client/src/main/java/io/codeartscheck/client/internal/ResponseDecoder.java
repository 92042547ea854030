package io.codeartscheck.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import feign.Response;
import feign.Util;
import feign.Request;
import io.codeartscheck.client.CodeArtsCheckException;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes 2xx bodies: {@code String} as text whatever the Content-Type (a JSON-quoted string is
 * unquoted), {@code Object} (stop's {@code null}) as nothing, everything else with Jackson. A body
 * that is not the promised object (invalid JSON, empty, {@code null}) is a
 * {@link CodeArtsCheckException} with the status, the request id and the operation's name.
 */
final class ResponseDecoder implements Decoder {
  /**
   * Unknown fields are ignored (real responses grow fields). Property names stay case-sensitive:
   * {@code CRITICAL} and {@code critical} are two different counts.
   */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
      .build();

  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (type == String.class) {
      return decodeText(response);
    }
    if (type == Object.class || type == void.class || type == Void.class) {
      return null; // stop answers the JSON literal null (or nothing): nothing to return
    }
    byte[] body = bodyBytes(response);
    JavaType javaType = MAPPER.constructType(type);
    String expected = javaType.getRawClass().getSimpleName();
    Object value;
    try {
      value = isBlank(body) ? null : MAPPER.readValue(body, javaType);
    } catch (IOException e) {
      throw undecodable(response, "the response body is not a valid " + expected + ": "
          + ErrorResponses.oneLine(jsonProblem(e), 300), e);
    }
    if (value == null) {
      // taskcron, refresh and delete always answer an object: no body is not a result
      throw undecodable(response, "the response has no " + expected + " (its body is "
          + (isBlank(body) ? "empty" : "null") + ")", null);
    }
    return value;
  }

  /** A 2xx answer that is not what the spec promises, keeping its status and request id. */
  private static CodeArtsCheckException undecodable(Response response, String problem,
      Throwable cause) {
    return new CodeArtsCheckException(response.status(), null,
        operation(response) + ": " + problem, header(response.headers(), "X-Request-Id"), cause);
  }

  private static String jsonProblem(IOException e) {
    String message = e instanceof JsonProcessingException
        ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  /** The Java name of the operation a response answers, e.g. {@code showPortalServiceTaskCron}. */
  static String operation(Response response) {
    Request request = response.request();
    if (request != null && request.requestTemplate() != null
        && request.requestTemplate().methodMetadata() != null) {
      return request.requestTemplate().methodMetadata().method().getName();
    }
    return "the call";
  }

  static String decodeText(Response response) throws IOException {
    byte[] body = bodyBytes(response);
    String contentType = header(response.headers(), "Content-Type");
    String text = new String(body, charsetOf(contentType));
    if (isJson(contentType)) {
      String trimmed = text.strip();
      if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
        try {
          return MAPPER.readValue(trimmed, String.class);
        } catch (IOException e) {
          throw undecodable(response, "the response body is not a valid JSON string: "
              + ErrorResponses.oneLine(jsonProblem(e), 300), e);
        }
      }
    }
    return text;
  }

  /** The body, already read whole by the transport. */
  static byte[] bodyBytes(Response response) {
    Response.Body body = response.body();
    if (body == null) {
      return new byte[0];
    }
    try (InputStream in = body.asInputStream()) {
      return Util.toByteArray(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  static String header(Map<String, Collection<String>> headers, String name) {
    for (Map.Entry<String, Collection<String>> entry : headers.entrySet()) {
      if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)
          && !entry.getValue().isEmpty()) {
        return entry.getValue().iterator().next();
      }
    }
    return null;
  }

  static Charset charsetOf(String contentType) {
    if (contentType != null) {
      for (String part : contentType.split(";")) {
        String[] pair = part.trim().split("=", 2);
        if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
          try {
            return Charset.forName(pair[1].trim().replace("\"", ""));
          } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }

  static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }
}
