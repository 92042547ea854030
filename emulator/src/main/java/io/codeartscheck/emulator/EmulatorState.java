package io.codeartscheck.emulator;

import io.codeartscheck.server.CodeArtsCheckException;
import io.codeartscheck.server.ErrorCode;
import io.codeartscheck.server.model.JobReportInfo;
import io.codeartscheck.server.model.TaskCronResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The emulator's tasks, execution records (jobs) and reports, in memory and thread-safe; it keeps
 * the data it was loaded with, so {@link #reset()} undoes every stop, delete and added task.
 *
 * <pre>
 * EmulatorState state = EmulatorState.of(EmulatorData.defaults());
 * state.add(EmulatorData.task().status(TaskStatus.RUNNING)); // a running task, id generated
 * state.reset();                                             // back to the docs' examples
 * </pre>
 */
public final class EmulatorState {

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
    private EmulatorData loaded;

    private EmulatorState(EmulatorData data) {
        load(data);
    }

    /**
     * A state holding the docs' own examples.
     *
     * @return a new state
     */
    public static EmulatorState defaults() {
        return of(EmulatorData.defaults());
    }

    /**
     * A state holding the given data.
     *
     * @param data what to load (and return to on {@link #reset()})
     * @return a new state
     */
    public static EmulatorState of(EmulatorData data) {
        return new EmulatorState(Objects.requireNonNull(data, "data"));
    }

    /** Goes back to the loaded data: stopped tasks run again, deleted ones return, added ones go. */
    public void reset() {
        synchronized (lock) {
            tasks.clear();
            jobs.clear();
            for (EmulatorData.TaskData t : loaded.tasks()) {
                put(t);
            }
        }
    }

    /**
     * Replaces the loaded data and resets to it.
     *
     * @param data the new data
     */
    public void load(EmulatorData data) {
        synchronized (lock) {
            loaded = Objects.requireNonNull(data, "data");
            reset();
        }
    }

    /**
     * The data {@link #reset()} returns to.
     *
     * @return the loaded data
     */
    public EmulatorData loaded() {
        synchronized (lock) {
            return loaded;
        }
    }

    /**
     * Adds a task to the current state (until the next {@link #reset()}); ids left out are generated.
     *
     * @param task the task to add
     * @return the ids of the task and its jobs
     * @throws IllegalArgumentException when an id is invalid or already in use
     */
    public SeededTask add(EmulatorData.Task task) {
        return add(task.toData(true));
    }

    SeededTask add(EmulatorData.TaskData task) {
        EmulatorData.TaskData t = task.checked(true);
        synchronized (lock) {
            if (tasks.containsKey(t.taskId())) {
                throw new IllegalArgumentException("task_id " + t.taskId() + " already exists");
            }
            List<String> ids = new ArrayList<>();
            for (EmulatorData.JobData j : t.jobs()) {
                if (jobs.containsKey(j.jobId()) || ids.contains(j.jobId())) {
                    throw new IllegalArgumentException("job_id " + j.jobId() + " already exists");
                }
                ids.add(j.jobId());
            }
            put(t);
            return new SeededTask(t.taskId(), ids);
        }
    }

    private void put(EmulatorData.TaskData t) {
        Task task = new Task(t.taskId(), TaskStatus.parse(t.status()), t.cron());
        tasks.put(task.id, task);
        for (EmulatorData.JobData j : t.jobs()) {
            jobs.put(j.jobId(), new Job(j.jobId(), t.taskId(), j.report()));
            task.jobIds.add(j.jobId());
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
     * The ids of the tasks present now, in the order they were loaded or added.
     *
     * @return the task ids
     */
    public List<String> taskIds() {
        synchronized (lock) {
            return List.copyOf(tasks.keySet());
        }
    }

    /**
     * The status of a task.
     *
     * @param taskId the task
     * @return {@code running}, {@code stopped}, ..., or null when the task does not exist
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
     * @param jobId the job
     * @return true when it exists
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
