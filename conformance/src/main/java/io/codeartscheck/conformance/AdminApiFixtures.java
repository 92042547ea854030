package io.codeartscheck.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@link Fixtures} through the emulator's admin API: {@code POST /__emulator/tasks} with
 * {@code {"task_id", "status", "cron", "jobs": [{"job_id", "report"}]}}, answered 201.
 */
final class AdminApiFixtures implements Fixtures {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI tasks;
  private final String token;

  AdminApiFixtures(String baseUrl, String token) {
    this.tasks = URI.create(baseUrl.replaceAll("/+$", "") + "/__emulator/tasks");
    this.token = token;
  }

  @Override
  public void addTask(FixtureTask task) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    body.put("task_id", task.taskId());
    body.put("status", task.running() ? "running" : "completed");
    if (task.schedule() != null) {
      body.set("cron", JSON.valueToTree(task.schedule()));
    }
    ArrayNode jobs = body.putArray("jobs");
    for (FixtureTask.Job job : task.jobs()) {
      jobs.addObject().put("job_id", job.jobId()).set("report", JSON.valueToTree(job.report()));
    }
    HttpRequest request = HttpRequest.newBuilder(tasks)
        .timeout(Duration.ofSeconds(30))
        .header("X-Auth-Token", token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 201) {
      throw new IllegalStateException("the admin API answered " + response.statusCode() + " to POST " + tasks
          + " (is this server the emulator?): " + response.body());
    }
  }

  @Override
  public String toString() {
    return "the emulator's admin API at " + tasks;
  }
}
