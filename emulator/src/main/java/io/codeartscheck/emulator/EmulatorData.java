package io.codeartscheck.emulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.codeartscheck.server.model.JobReportInfo;
import io.codeartscheck.server.model.TaskCronResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The tasks, jobs and reports an emulator starts from and returns to on {@code reset()}: immutable,
 * from the docs' examples, from JSON (the {@code --data} format of emulator/README.md) or from code.
 *
 * <pre>
 * EmulatorData docs = EmulatorData.defaults();
 * EmulatorData mine = EmulatorData.builder()
 *         .task(EmulatorData.task("mytask").status(TaskStatus.RUNNING).job("myjob"))
 *         .build();
 * EmulatorData fromFile = EmulatorData.fromFile(Path.of("data.json"));
 * </pre>
 */
public final class EmulatorData {
    static final String DEFAULT_DATA = "default-data.json";

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final List<TaskData> tasks;

    private EmulatorData(List<TaskData> tasks) {
        this.tasks = List.copyOf(tasks);
    }

    /**
     * The tasks, jobs and reports of the docs' own examples (the table in emulator/README.md).
     *
     * @return the default data
     */
    public static EmulatorData defaults() {
        try (InputStream in = EmulatorData.class.getResourceAsStream(DEFAULT_DATA)) {
            return fromJson(Objects.requireNonNull(in, DEFAULT_DATA));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads data in the {@code --data} JSON format.
     *
     * @param json the JSON text
     * @return the data
     * @throws IllegalArgumentException when the JSON is not valid data, with the reason
     */
    public static EmulatorData fromJson(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return of(MAPPER.readValue(json, DataFile.class));
        } catch (JacksonException e) {
            throw invalid(e);
        }
    }

    /**
     * Reads data in the {@code --data} JSON format from a stream (not closed).
     *
     * @param json the JSON bytes, UTF-8
     * @return the data
     * @throws IOException when the stream cannot be read
     * @throws IllegalArgumentException when the JSON is not valid data, with the reason
     */
    public static EmulatorData fromJson(InputStream json) throws IOException {
        Objects.requireNonNull(json, "json");
        try {
            return of(MAPPER.readValue(json, DataFile.class));
        } catch (JacksonException e) {
            throw invalid(e);
        }
    }

    /**
     * Reads data in the {@code --data} JSON format from a file.
     *
     * @param file the JSON file
     * @return the data
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the JSON is not valid data, naming the file and the reason
     */
    public static EmulatorData fromFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return fromJson(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts data built in code.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a task with this id: completed, without schedule or jobs until said otherwise.
     *
     * @param taskId 1 to 128 characters
     * @return the task's builder
     */
    public static Task task(String taskId) {
        return new Task(Objects.requireNonNull(taskId, "taskId"));
    }

    /**
     * Starts a task whose id the emulator generates when it is added (32 hex digits).
     *
     * @return the task's builder
     */
    public static Task task() {
        return new Task(null);
    }

    /**
     * A report with every field the spec requires, every count zero (grade A).
     *
     * @param taskId the task it belongs to, used in its {@code REPORT_URL}
     * @return a new report
     */
    public static JobReportInfo emptyReport(String taskId) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (String field : new String[] {"CODE_SIZE", "COMFIRM", "CRITICAL", "DELAYSTATUS_COUNT", "FATAL",
                "FILE_TOTAL", "FIX", "GENERAL", "IGNORE", "NEW", "PROMPT"}) {
            json.put(field, 0);
        }
        json.put("REPORT_URL", "https://devcloud.example.com/codechecknew/task/" + taskId + "/detail");
        for (String field : new String[] {"RESOLVED", "STANDARD_DISMISSED", "STANDARD_FIXED", "STANDARD_NEW"}) {
            json.put(field, 0);
        }
        json.put("TOOL_LIST", List.of());
        for (String field : new String[] {"UCC_NBNC", "UNRESOLVED", "UNRESOLVED_ADD", "critical", "major", "minor",
                "suggestion", "delay_critical", "delay_major", "delay_minor", "delay_suggestion"}) {
            json.put(field, 0);
        }
        return MAPPER.convertValue(json, JobReportInfo.class);
    }

    /**
     * The tasks, in the order given.
     *
     * @return the tasks (unmodifiable)
     */
    List<TaskData> tasks() {
        return tasks;
    }

    /**
     * The data as {@code --data} JSON, so that what was built in code can be saved and loaded again.
     *
     * @return the JSON text
     */
    public String toJson() {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(new DataFile(tasks));
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "EmulatorData" + tasks.stream().map(TaskData::taskId).toList();
    }

    private static IllegalArgumentException invalid(JacksonException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        return new IllegalArgumentException("not valid emulator data: " + e.getOriginalMessage() + where, e);
    }

    private static EmulatorData of(DataFile data) {
        if (data == null || data.tasks() == null) {
            throw new IllegalArgumentException("the data needs a \"tasks\" array");
        }
        Builder b = builder();
        for (TaskData t : data.tasks()) {
            if (t.taskId() == null) {
                throw new IllegalArgumentException("every task needs a task_id of 1 to 128 characters");
            }
            b.add(t.checked(false));
        }
        return b.build();
    }

    /** Builds {@link EmulatorData}; checks ids as tasks are added. */
    public static final class Builder {
        private final List<TaskData> tasks = new ArrayList<>();
        private final Set<String> taskIds = new HashSet<>();
        private final Set<String> jobIds = new HashSet<>();

        private Builder() {
        }

        /**
         * Adds a task (a copy of it: later changes to {@code task} do not show).
         *
         * @param task the task, which must have an id
         * @return this builder
         * @throws IllegalArgumentException when an id is missing, too long or already used
         */
        public Builder task(Task task) {
            if (task.taskId == null) {
                throw new IllegalArgumentException("a task of EmulatorData needs an id: use EmulatorData.task(id)");
            }
            return add(task.toData(false));
        }

        private Builder add(TaskData t) {
            if (!taskIds.add(t.taskId())) {
                throw new IllegalArgumentException("task_id " + t.taskId() + " appears twice");
            }
            for (JobData j : t.jobs()) {
                if (!jobIds.add(j.jobId())) {
                    throw new IllegalArgumentException("job_id " + j.jobId() + " appears twice");
                }
            }
            tasks.add(t);
            return this;
        }

        /**
         * Builds the data.
         *
         * @return the immutable data
         */
        public EmulatorData build() {
            return new EmulatorData(tasks);
        }
    }

    /**
     * A task to load or to add to a running emulator: its status, schedule and jobs (oldest first).
     * Mutable builder; {@link Builder#task(Task)} and {@code Emulator.addTask} take a copy.
     */
    public static final class Task {
        private final String taskId;
        private TaskStatus status = TaskStatus.COMPLETED;
        private TaskCronResult cron;
        private final List<JobData> jobs = new ArrayList<>();

        private Task(String taskId) {
            this.taskId = taskId;
        }

        /**
         * Sets the status (default {@link TaskStatus#COMPLETED}).
         *
         * @param status the status
         * @return this task
         */
        public Task status(TaskStatus status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /**
         * Sets the schedule that taskcron answers (default: none, which taskcron shows as disabled).
         *
         * @param cron the schedule, every field set
         * @return this task
         */
        public Task cron(TaskCronResult cron) {
            this.cron = Objects.requireNonNull(cron, "cron");
            return this;
        }

        /**
         * Adds a job with a report whose counts are all zero.
         *
         * @param jobId 1 to 64 characters, or null to have one generated
         * @return this task
         */
        public Task job(String jobId) {
            jobs.add(new JobData(jobId, null));
            return this;
        }

        /**
         * Adds a job with its report; the last job added is the task's latest.
         *
         * @param jobId 1 to 64 characters, or null to have one generated
         * @param report the report, every field the spec requires set
         * @return this task
         */
        public Task job(String jobId, JobReportInfo report) {
            jobs.add(new JobData(jobId, Objects.requireNonNull(report, "report")));
            return this;
        }

        TaskData toData(boolean generateIds) {
            return new TaskData(taskId, status.wire(), cron, List.copyOf(jobs)).checked(generateIds);
        }
    }

    /** The {@code --data} file: a list of tasks, each with its jobs (oldest first) and optional schedule. */
    record DataFile(@JsonProperty("tasks") List<TaskData> tasks) {
    }

    /** One task as JSON; ids may be null only when the emulator is to generate them. */
    @JsonPropertyOrder({"task_id", "status", "cron", "jobs"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TaskData(@JsonProperty("task_id") String taskId,
                    @JsonProperty("status") String status,
                    @JsonProperty("cron") TaskCronResult cron,
                    @JsonProperty("jobs") List<JobData> jobs) {

        /** Normalised: status set, jobs non-null, ids generated if asked, every id and report checked. */
        TaskData checked(boolean generateIds) {
            String id = taskId == null && generateIds ? Ids.next() : taskId;
            if (id == null || id.isEmpty() || id.length() > 128) {
                throw new IllegalArgumentException("every task needs a task_id of 1 to 128 characters");
            }
            String s = (status == null ? TaskStatus.COMPLETED : TaskStatus.parse(status)).wire();
            TaskCronResult schedule = cron;
            if (schedule != null && !id.equals(schedule.getTaskId())) {
                if (taskId != null) {
                    throw new IllegalArgumentException("the cron of task " + id + " names task " + schedule.getTaskId());
                }
                schedule = MAPPER.convertValue(schedule, TaskCronResult.class).taskId(id); // the id was generated
            }
            List<JobData> checkedJobs = new ArrayList<>();
            for (JobData j : jobs == null ? List.<JobData>of() : jobs) {
                String jobId = j.jobId() == null && generateIds ? Ids.next() : j.jobId();
                if (jobId == null || jobId.isEmpty() || jobId.length() > 64) {
                    throw new IllegalArgumentException("every job of task " + id + " needs a job_id of 1 to 64 characters");
                }
                checkedJobs.add(new JobData(jobId, j.report() == null ? emptyReport(id) : j.report()));
            }
            return new TaskData(id, s, schedule, List.copyOf(checkedJobs));
        }
    }

    /** One job as JSON: its id and report. */
    @JsonPropertyOrder({"job_id", "report"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JobData(@JsonProperty("job_id") String jobId, @JsonProperty("report") JobReportInfo report) {
    }

    /** Ids in the style of the real service: 32 lower-case hex digits. */
    static final class Ids {
        private Ids() {
        }

        static String next() {
            return java.util.UUID.randomUUID().toString().replace("-", "");
        }
    }
}
