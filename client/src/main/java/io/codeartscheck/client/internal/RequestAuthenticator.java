package io.codeartscheck.client.internal;

import feign.Request;

/** Adds credentials to the final request, just before it is logged and sent. */
interface RequestAuthenticator {
  /** Adds the authentication headers to the request. */
  void authenticate(Request request);
}
