package io.codeartscheck.emulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.codeartscheck.server.CodeArtsCheckException;
import io.codeartscheck.server.ErrorCode;
import io.codeartscheck.server.model.JobReportInfo;
import io.codeartscheck.server.model.TaskCronResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The emulator's tasks, execution records (jobs) and reports, in memory and thread-safe.
 *
 * <pre>
 * EmulatorState state = EmulatorState.defaults();              // the docs' examples
 * EmulatorState mine = EmulatorState.load(Path.of("data.json")); // see emulator/README.md
 * </pre>
 */
public final class EmulatorState {
    static final String DEFAULT_DATA = "default-data.json";

    /** The states a task can be in; only a running task can be stopped. */
    enum TaskStatus {
        RUNNING, STOPPED, COMPLETED, FAILED;

        static TaskStatus parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("status must be running, stopped, completed or failed, not " + s);
            }
        }

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final class Task {
        final String id;
        TaskStatus status;
        final TaskCronResult cron;
        final List<String> jobIds = new ArrayList<>();

        Task(String id, TaskStatus status, TaskCronResult cron) {
            this.id = id;
            this.status = status;
            this.cron = cron;
        }
    }

    private record Job(String id, String taskId, JobReportInfo report) {
    }

    // One lock for all: every operation touches few entries and the emulator is not a database.
    private final Object lock = new Object();
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final Map<String, Job> jobs = new HashMap<>();

    private EmulatorState() {
    }

    /**
     * The tasks, jobs and reports of the docs' own examples.
     *
     * @return a new state with the docs' example data
     */
    public static EmulatorState defaults() {
        try (InputStream in = EmulatorState.class.getResourceAsStream(DEFAULT_DATA)) {
            return read(Objects.requireNonNull(in, DEFAULT_DATA));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads tasks, jobs and reports from a JSON file in the format of emulator/README.md.
     *
     * @param file a JSON file in the format of the default data
     * @return a new state with the file's data
     * @throws IOException if the file cannot be read or parsed
     */
    public static EmulatorState load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads tasks, jobs and reports from JSON in the format of emulator/README.md.
     *
     * @param json JSON in the format of the default data
     * @return a new state with the data
     * @throws IOException if the JSON cannot be read or parsed
     */
    public static EmulatorState read(InputStream json) throws IOException {
        DataFile data;
        try {
            data = MAPPER.readValue(json, DataFile.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("not a valid data file: " + e.getOriginalMessage()
                    + " at " + e.getLocation(), e);
        }
        EmulatorState state = new EmulatorState();
        if (data == null || data.tasks() == null) {
            throw new IllegalArgumentException("the data file needs a \"tasks\" array");
        }
        for (DataFile.TaskData t : data.tasks()) {
            if (t.taskId() == null || t.taskId().isEmpty() || t.taskId().length() > 128) {
                throw new IllegalArgumentException("every task needs a task_id of 1 to 128 characters");
            }
            if (state.tasks.containsKey(t.taskId())) {
                throw new IllegalArgumentException("task_id " + t.taskId() + " appears twice");
            }
            TaskStatus status = t.status() == null ? TaskStatus.COMPLETED : TaskStatus.parse(t.status());
            Task task = new Task(t.taskId(), status, t.cron());
            state.tasks.put(task.id, task);
            for (DataFile.JobData j : t.jobs() == null ? List.<DataFile.JobData>of() : t.jobs()) {
                if (j.jobId() == null || j.jobId().isEmpty() || j.jobId().length() > 64) {
                    throw new IllegalArgumentException("every job of task " + t.taskId()
                            + " needs a job_id of 1 to 64 characters");
                }
                if (state.jobs.containsKey(j.jobId())) {
                    throw new IllegalArgumentException("job_id " + j.jobId() + " appears twice");
                }
                state.jobs.put(j.jobId(), new Job(j.jobId(), t.taskId(), j.report()));
                task.jobIds.add(j.jobId());
            }
        }
        return state;
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The --data file: a list of tasks, each with its jobs (oldest first) and optional schedule. */
    record DataFile(@JsonProperty("tasks") List<TaskData> tasks) {
        record TaskData(@JsonProperty("task_id") String taskId,
                        @JsonProperty("status") String status,
                        @JsonProperty("cron") TaskCronResult cron,
                        @JsonProperty("jobs") List<JobData> jobs) {
        }

        record JobData(@JsonProperty("job_id") String jobId,
                       @JsonProperty("report") JobReportInfo report) {
        }
    }

    // ---- operations, each atomic ----

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
                throw new CodeArtsCheckException(ErrorCode.TASK_NOT_FOUND,
                        "Execution record " + jobId + " does not exist.");
            }
            return job.report();
        }
    }

    /**
     * The task's schedule; a task without one has scheduled checks disabled, no days, and empty
     * time, creator and offset (the spec requires every field in the answer).
     */
    TaskCronResult cron(String taskId) {
        synchronized (lock) {
            Task task = task(taskId);
            if (task.cron != null) {
                return task.cron;
            }
            return new TaskCronResult().taskId(taskId).cronStatus("0").weekDays(List.of())
                    .detailTime("").creator("").timeOffset("");
        }
    }

    /** Moves a running task to stopped; any other state is a 400. */
    void stop(String taskId) {
        synchronized (lock) {
            Task task = task(taskId);
            if (task.status != TaskStatus.RUNNING) {
                throw new CodeArtsCheckException(ErrorCode.TASK_STATE_CONFLICT,
                        "Task " + taskId + " is not running (it is " + task.status.wire() + ").");
            }
            task.status = TaskStatus.STOPPED;
        }
    }

    /** Removes the task with its schedule, jobs and reports. */
    void delete(String taskId) {
        synchronized (lock) {
            Task task = task(taskId);
            task.jobIds.forEach(jobs::remove);
            tasks.remove(taskId);
        }
    }

    /**
     * The status of a task ({@code running}, {@code stopped}, ...), or null when it does not exist.
     *
     * @param taskId the task
     * @return the task's status
     */
    public String taskStatus(String taskId) {
        synchronized (lock) {
            Task task = tasks.get(taskId);
            return task == null ? null : task.status.wire();
        }
    }

    /**
     * Whether an execution record exists.
     *
     * @param jobId the execution record
     * @return whether the execution record exists
     */
    public boolean hasJob(String jobId) {
        synchronized (lock) {
            return jobs.containsKey(jobId);
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
