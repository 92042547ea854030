package io.codeartscheck.client.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import feign.Response;
import feign.Util;
import feign.codec.DecodeException;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes 2xx bodies: {@code String} as text whatever the Content-Type (a JSON-quoted string is
 * unquoted), {@code Object} (stop's {@code null}) as nothing, everything else with Jackson.
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
    byte[] body = readBody(response);
    if (type == Object.class || type == void.class || type == Void.class) {
      return null; // stop answers the JSON literal null; nothing to return
    }
    if (body.length == 0 || isBlank(body)) {
      return null;
    }
    JavaType javaType = MAPPER.constructType(type);
    try {
      return MAPPER.readValue(body, javaType);
    } catch (IOException e) {
      throw new DecodeException(response.status(), "response body is not a valid "
          + javaType.getRawClass().getSimpleName() + ": " + e.getMessage(),
          response.request(), e);
    }
  }

  static String decodeText(Response response) throws IOException {
    byte[] body = readBody(response);
    String contentType = header(response.headers(), "Content-Type");
    String text = new String(body, charsetOf(contentType));
    if (isJson(contentType)) {
      String trimmed = text.strip();
      if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
        return MAPPER.readValue(trimmed, String.class);
      }
    }
    return text;
  }

  static byte[] readBody(Response response) throws IOException {
    if (response.body() == null) {
      return new byte[0];
    }
    try (InputStream in = response.body().asInputStream()) {
      return Util.toByteArray(in);
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

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }
}
