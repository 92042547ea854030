package io.codeartscheck.client;

/** The two clients every shared test runs against. */
enum ClientKind {
  /** {@link CodeArtsCheckClient}: the call runs on the caller's thread. */
  SYNC,
  /** {@link CodeArtsCheckAsyncClient}: the call returns a future at once. */
  ASYNC;

  /** A builder of this kind's client, with nothing set. */
  CodeArtsCheckClientBuilder<?, ?> builder() {
    return this == SYNC ? CodeArtsCheckClient.builder() : CodeArtsCheckAsyncClient.builder();
  }
}
