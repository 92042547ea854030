package io.codeartscheck.client;

/**
 * Run by {@link BodyLimitTest} in a JVM with a small heap: makes one call to the endpoint given
 * as the argument and prints what it ended with, so the test can tell an exception of the
 * client's family from an {@link OutOfMemoryError}.
 */
public final class SmallHeapProbe {
  private SmallHeapProbe() {
  }

  /**
   * Calls the schedule operation once.
   *
   * @param args the endpoint URL, then the client kind ({@code SYNC} or {@code ASYNC})
   */
  public static void main(String[] args) {
    try (ClientUnderTest client = ClientUnderTest.of(ClientKind.valueOf(args[1]).builder()
        .endpoint(args[0]).authToken("t").maxAttempts(1))) {
      client.showPortalServiceTaskCron("t");
      System.out.println("no exception");
      System.exit(2);
    } catch (CodeArtsCheckException e) {
      System.out.println(e.getClass().getSimpleName() + " " + e.getHttpStatusCode());
      System.exit(0);
    } catch (Throwable t) {
      System.out.println(t);
      System.exit(3);
    }
  }
}
