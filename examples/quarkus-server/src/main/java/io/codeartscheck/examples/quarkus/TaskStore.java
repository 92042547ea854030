package io.codeartscheck.examples.quarkus;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeartscheck.server.CodeArtsCheckException;
import io.codeartscheck.server.ErrorCode;
import io.codeartscheck.server.model.JobReportInfo;
import io.codeartscheck.server.model.TaskCronResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tasks, execution records (jobs) and reports of this example, in memory.
 *
 * <p>Seeded with the docs' example tasks ({@code seed-data.json}). The {@code add...} methods put
 * the server in the state a test case needs and return the ids, which is what a conformance
 * fixture asks of an implementation.
 */
@ApplicationScoped
public class TaskStore {
    /** Task states; only a running task can be stopped. */
    public enum Status { RUNNING, STOPPED, COMPLETED }

    private static final class Task {
        final String id;
        Status status;
        final TaskCronResult cron;
        final List<String> jobIds = new ArrayList<>();

        Task(String id, Status status, TaskCronResult cron) {
            this.id = id;
            this.status = status;
            this.cron = cron;
        }
    }

    private record Job(String id, String taskId, JobReportInfo report) {
    }

    /** The seed file: the docs' report, and tasks with their status, optional schedule and jobs (oldest first). */
    record Seed(@JsonProperty("report") JobReportInfo report, @JsonProperty("tasks") List<SeedTask> tasks) {
        record SeedTask(@JsonProperty("task_id") String taskId, @JsonProperty("status") Status status,
                        @JsonProperty("cron") TaskCronResult cron, @JsonProperty("job_ids") List<String> jobIds) {
        }
    }

    private final Object lock = new Object();
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final Map<String, Job> jobs = new HashMap<>();
    private final JobReportInfo sampleReport;

    /**
     * Loads the seed data.
     *
     * @param mapper Quarkus' object mapper, to read the seed file
     */
    @Inject
    public TaskStore(ObjectMapper mapper) {
        try (InputStream in = TaskStore.class.getResourceAsStream("/seed-data.json")) {
            Seed seed = mapper.readValue(in, Seed.class);
            for (Seed.SeedTask t : seed.tasks()) {
                Task task = new Task(t.taskId(), t.status(), t.cron());
                tasks.put(task.id, task);
                for (String jobId : t.jobIds()) {
                    jobs.put(jobId, new Job(jobId, task.id, seed.report()));
                    task.jobIds.add(jobId);
                }
            }
            sampleReport = seed.report();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- fixtures: put the server in a state, return the ids ----

    /**
     * Adds a running task (one that stop accepts).
     *
     * @return the new task's id
     */
    public String addRunningTask() {
        return addTask(Status.RUNNING, null);
    }

    /**
     * Adds a task without a schedule.
     *
     * @return the new task's id
     */
    public String addTaskWithoutSchedule() {
        return addTask(Status.COMPLETED, null);
    }

    /**
     * Adds a task with a schedule (Sunday to Tuesday, 15:00, GMT+08:00).
     *
     * @return the new task's id
     */
    public String addTaskWithSchedule() {
        String id = newId();
        TaskCronResult cron = new TaskCronResult().taskId(id).cronStatus("1").weekDays(List.of("0", "1", "2"))
                .detailTime("15:00").creator("example").timeOffset("GMT+08:00");
        synchronized (lock) {
            tasks.put(id, new Task(id, Status.COMPLETED, cron));
        }
        return id;
    }

    /**
     * Adds a task with one execution record that has a report.
     *
     * @return the ids: {@code task_id} and {@code job_id}
     */
    public Map<String, String> addJobWithReport() {
        String taskId = addTaskWithoutSchedule();
        String jobId = newId();
        synchronized (lock) {
            jobs.put(jobId, new Job(jobId, taskId, sampleReport));
            tasks.get(taskId).jobIds.add(jobId);
        }
        return Map.of("task_id", taskId, "job_id", jobId);
    }

    /**
     * Adds a task with the given id, state, schedule and execution records: what the conformance
     * suite's fixtures ask for (see QuarkusConformanceTest).
     *
     * @param taskId the task's id
     * @param running whether the task is running (otherwise it is completed)
     * @param cron the schedule, or null for none
     * @param reports the execution records by id, oldest first, with their reports
     * @throws IllegalArgumentException when the task or one of the records exists already
     */
    public void addTask(String taskId, boolean running, TaskCronResult cron, Map<String, JobReportInfo> reports) {
        synchronized (lock) {
            if (tasks.containsKey(taskId) || reports.keySet().stream().anyMatch(jobs::containsKey)) {
                throw new IllegalArgumentException("task " + taskId + " or one of its records exists already");
            }
            Task task = new Task(taskId, running ? Status.RUNNING : Status.COMPLETED, cron);
            tasks.put(taskId, task);
            reports.forEach((jobId, report) -> {
                jobs.put(jobId, new Job(jobId, taskId, report));
                task.jobIds.add(jobId);
            });
        }
    }

    private String addTask(Status status, TaskCronResult cron) {
        String id = newId();
        synchronized (lock) {
            tasks.put(id, new Task(id, status, cron));
        }
        return id;
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    // ---- what the operations need ----

    /** The report a badge is drawn from: of {@code jobId}, or of the task's latest job; null if none. */
    JobReportInfo badgeReport(String taskId, String jobId) {
        synchronized (lock) {
            Task task = task(taskId);
            if (jobId != null) {
                Job job = jobs.get(jobId);
                if (job == null || !job.taskId().equals(task.id)) {
                    throw new CodeArtsCheckException(ErrorCode.TASK_NOT_FOUND,
                            "Execution record " + jobId + " does not exist for task " + taskId + ".");
                }
                return job.report();
            }
            return task.jobIds.isEmpty() ? null : jobs.get(task.jobIds.get(task.jobIds.size() - 1)).report();
        }
    }

    /** The report to refresh: the latest of {@code taskId} when given, else that of {@code jobId}. */
    JobReportInfo refreshReport(String jobId, String taskId) {
        synchronized (lock) {
            if (taskId != null) {
                Task task = task(taskId);
                if (task.jobIds.isEmpty()) {
                    throw new CodeArtsCheckException(ErrorCode.TASK_NOT_FOUND,
                            "Task " + taskId + " has no successful check yet.");
                }
                return jobs.get(task.jobIds.get(task.jobIds.size() - 1)).report();
            }
            Job job = jobs.get(jobId);
            if (job == null) {
                throw new CodeArtsCheckException(ErrorCode.TASK_NOT_FOUND, "Execution record " + jobId + " does not exist.");
            }
            return job.report();
        }
    }

    /** The schedule; a task without one answers every required field with "disabled" values. */
    TaskCronResult cron(String taskId) {
        synchronized (lock) {
            Task task = task(taskId);
            return task.cron != null ? task.cron : new TaskCronResult().taskId(taskId).cronStatus("0")
                    .weekDays(List.of()).detailTime("").creator("").timeOffset("");
        }
    }

    /** Stops a running task; any other state is a 400. */
    void stop(String taskId) {
        synchronized (lock) {
            Task task = task(taskId);
            if (task.status != Status.RUNNING) {
                throw new CodeArtsCheckException(ErrorCode.TASK_STATE_CONFLICT,
                        "Task " + taskId + " is not running (it is " + task.status.name().toLowerCase() + ").");
            }
            task.status = Status.STOPPED;
        }
    }

    /** Deletes a task with its jobs and reports. */
    void delete(String taskId) {
        synchronized (lock) {
            task(taskId).jobIds.forEach(jobs::remove);
            tasks.remove(taskId);
        }
    }

    private Task task(String taskId) {
        Task task = tasks.get(taskId);
        if (task == null) {
            throw new CodeArtsCheckException(ErrorCode.TASK_NOT_FOUND, "Task " + taskId + " does not exist.");
        }
        return task;
    }
}
