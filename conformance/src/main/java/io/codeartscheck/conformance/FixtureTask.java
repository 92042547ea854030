package io.codeartscheck.conformance;

import io.codeartscheck.server.model.JobReportInfo;
import io.codeartscheck.server.model.TaskCronResult;
import java.util.List;
import java.util.Objects;

/**
 * A task that a case needs on the server, as the suite hands it to {@link Fixtures#addTask}: its
 * id, whether it is running, its schedule and its execution records with their reports. The
 * schedule and the reports are the server stub's models, as the operations answer them.
 *
 * @param taskId the task's id, chosen by the suite; keep it as given
 * @param running whether the task is running, so that stop accepts it; otherwise it is completed
 * @param schedule the schedule that taskcron answers for the task (its {@code taskId} is the task's
 *     id), or {@code null} for a task without a schedule
 * @param jobs the task's execution records, oldest first: the last is the task's latest
 */
public record FixtureTask(String taskId, boolean running, TaskCronResult schedule, List<Job> jobs) {

  /**
   * Checks the parts.
   *
   * @param taskId the task's id
   * @param running whether the task is running
   * @param schedule the schedule, or {@code null}
   * @param jobs the execution records, oldest first
   */
  public FixtureTask {
    Objects.requireNonNull(taskId, "taskId");
    jobs = List.copyOf(jobs);
  }

  /**
   * An execution record of the task and its check report.
   *
   * @param jobId the record's id, chosen by the suite; keep it as given
   * @param report the report that refresh answers for the record and the badge is drawn from
   */
  public record Job(String jobId, JobReportInfo report) {

    /**
     * Checks the parts.
     *
     * @param jobId the record's id
     * @param report the report
     */
    public Job {
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(report, "report");
    }
  }
}
