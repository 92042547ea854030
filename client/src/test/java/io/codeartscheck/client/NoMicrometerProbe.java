package io.codeartscheck.client;

/**
 * Run by {@link NoMicrometerTest} in a JVM whose class path has no Micrometer: makes calls
 * through both clients (a success and a failure each) against a loopback server, and prints
 * {@code calls done} when they went as expected.
 */
public final class NoMicrometerProbe {
  private NoMicrometerProbe() {
  }

  /**
   * Makes the calls.
   *
   * @param args none
   * @throws Exception when a call does not go as expected
   */
  public static void main(String[] args) throws Exception {
    try {
      Class.forName("io.micrometer.core.instrument.MeterRegistry");
      System.out.println("Micrometer is on the class path");
      System.exit(2);
    } catch (ClassNotFoundException expected) {
      // the point of the probe
    }
    try (RawHttpServer server = new RawHttpServer(exchange -> {
      if (exchange.target().contains("missing")) {
        exchange.respond(400, "application/json", LoopbackServer.BAD_REQUEST);
      } else {
        exchange.respond(200, "application/json", LoopbackServer.example("taskcron-200.json"));
      }
    });
        CodeArtsCheckClient client = CodeArtsCheckClient.builder().endpoint(server.url())
            .authToken("t").build();
        CodeArtsCheckAsyncClient async = CodeArtsCheckAsyncClient.builder()
            .endpoint(server.url()).authToken("t").build()) {
      check(client.showPortalServiceTaskCron("t").getHttpStatus().equals("OK"));
      check(async.showPortalServiceTaskCron("t").join().getHttpStatus().equals("OK"));
      try {
        client.deleteTaskV3("missing");
        check(false);
      } catch (ClientErrorException expected) {
        check(expected.getHttpStatusCode() == 400);
      }
      check(async.deleteTaskV3("missing").handle((ok, e) -> e)
          .join() instanceof ClientErrorException);
    }
    System.out.println("calls done");
  }

  private static void check(boolean condition) {
    if (!condition) {
      throw new AssertionError("a call did not go as expected");
    }
  }
}
