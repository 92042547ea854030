package io.codeartscheck.client.internal;

import feign.Request;
import java.util.Map;

/** Computes the credential headers of the final request, just before it is logged and sent. */
interface RequestAuthenticator {
  /**
   * Returns the headers to add to the request (it is not modified).
   *
   * @param request the request as it will be sent, without credentials
   * @return header name to value
   */
  Map<String, String> authenticate(Request request);
}
