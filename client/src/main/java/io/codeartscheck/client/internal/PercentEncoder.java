package io.codeartscheck.client.internal;

import feign.Param;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes a path or query value completely, before Feign sees it: every UTF-8 byte except
 * the RFC 3986 unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX}, {@code %}
 * included, and a value that is exactly {@code .} or {@code ..} becomes {@code %2E} /
 * {@code %2E%2E}. Feign leaves {@code %XX} triplets as they are, so the server receives exactly the
 * value the caller gave: {@code "a%2Fb"} arrives as {@code a%2Fb}, not {@code a/b}.
 *
 * <p>Used by the generated interface ({@code @Param(expander = PercentEncoder.class)}, written by
 * the hand-written template {@code api.mustache}); public only because Feign instantiates it.
 * Internal: not part of the client's API.
 */
public final class PercentEncoder implements Param.Expander {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Creates the expander (Feign instantiates it reflectively). */
  public PercentEncoder() {
  }

  /**
   * Encodes one argument.
   *
   * @param value the argument (never null: Feign skips null arguments)
   * @return the encoded value
   */
  @Override
  public String expand(Object value) {
    return encode(String.valueOf(value));
  }

  /**
   * Encodes a value completely (see the class description).
   *
   * @param value the raw value
   * @return the value with every byte outside the unreserved set as {@code %XX}
   */
  public static String encode(String value) {
    if (value.equals(".")) {
      return "%2E";
    }
    if (value.equals("..")) {
      return "%2E%2E";
    }
    StringBuilder out = null;
    byte[] bytes = null;
    for (int i = 0; i < value.length(); i++) {
      if (!isUnreserved(value.charAt(i))) {
        bytes = value.getBytes(StandardCharsets.UTF_8);
        out = new StringBuilder(bytes.length * 3);
        break;
      }
    }
    if (out == null) {
      return value;
    }
    for (byte b : bytes) {
      int c = b & 0xff;
      if (isUnreserved((char) c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }
}
