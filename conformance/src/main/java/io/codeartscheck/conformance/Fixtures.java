package io.codeartscheck.conformance;

/**
 * Puts the server under test in the state a case needs: the one thing an implementer writes for the
 * TCK besides a base URL and a token. The suite calls {@link #addTask(FixtureTask)} before each case
 * that needs data (a running task, a task with or without a schedule, execution records with their
 * reports), with ids it chose: fresh for every run, of the lengths the boundary cases need (a task id
 * of exactly 1, 32 or 128 characters, or of 17 emoji), so keep the ids as given. After the case, the
 * suite deletes the task through the API ({@code DELETE /v3/task/{task_id}}).
 *
 * <p>One method, so a lambda fits:
 *
 * <pre>
 * Fixtures fixtures = task -&gt; myRepository.insert(task.taskId(), task.running(), task.schedule(), task.jobs());
 * </pre>
 *
 * <p>For a server that implements the emulator's admin API ({@code POST /__emulator/tasks}), such
 * as the emulator itself, {@link #emulatorAdminApi(String, String)} is a ready fixture over HTTP.
 */
@FunctionalInterface
public interface Fixtures {

  /**
   * Adds a task, as described, to the server under test, so that the five operations see it at
   * once.
   *
   * @param task the task: its id, whether it is running, its schedule and its execution records
   * @throws Exception when the task cannot be added; the case then fails with this exception
   */
  void addTask(FixtureTask task) throws Exception;

  /**
   * Fixtures through the emulator's admin API: {@code POST {baseUrl}/__emulator/tasks} with the
   * task as JSON, guarded by the same token as the API.
   *
   * @param baseUrl the server's base URL, for example {@code http://127.0.0.1:8080}
   * @param token the token the admin API accepts (the API's token)
   * @return the fixtures
   */
  static Fixtures emulatorAdminApi(String baseUrl, String token) {
    return new AdminApiFixtures(baseUrl, token);
  }
}
