package io.codeartscheck.client.internal;

import feign.Request;
import io.codeartscheck.client.CodeArtsCheckException;
import java.util.Map;
import java.util.function.Supplier;

/** Sends the IAM token in {@code X-Auth-Token}, read from the supplier for every request. */
final class TokenAuthenticator implements RequestAuthenticator {
  static final String HEADER = "X-Auth-Token";
  private final Supplier<String> token;

  TokenAuthenticator(Supplier<String> token) {
    this.token = token;
  }

  @Override
  public Map<String, String> authenticate(Request request) {
    String value;
    try {
      value = token.get();
    } catch (RuntimeException e) {
      throw new CodeArtsCheckException("the auth token supplier failed: " + e, e);
    }
    if (value == null || value.isBlank()) {
      throw new CodeArtsCheckException("the auth token supplier returned no token", null);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new CodeArtsCheckException(
            "the auth token has a character that cannot be sent in an HTTP header", null);
      }
    }
    return Map.of(HEADER, value);
  }

  @Override
  public String toString() {
    return "X-Auth-Token";
  }
}
