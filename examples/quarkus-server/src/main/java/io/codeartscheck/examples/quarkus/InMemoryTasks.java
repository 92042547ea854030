package io.codeartscheck.examples.quarkus;

import io.codeartscheck.server.api.TaskManagementApi;
import io.codeartscheck.server.model.DeleteTaskResponse;
import io.codeartscheck.server.model.JobReportInfo;
import io.codeartscheck.server.model.RefreshJobResultResponse;
import io.codeartscheck.server.model.TaskCronResponse;

/**
 * The five operations, on {@link TaskStore}. No JAX-RS or validation annotations here: they come
 * from the generated interface. Quarkus REST makes this class a resource because it implements it.
 */
public class InMemoryTasks implements AutoCloseable, TaskManagementApi {
    private final TaskStore store;

    /**
     * Creates the resource.
     *
     * @param store the tasks
     */
    public InMemoryTasks(TaskStore store) {
        this.store = store;
    }

    @Override
    public String showCodeHealthSvg(String taskId, String locale, String jobId) {
        JobReportInfo report = store.badgeReport(taskId, jobId);
        return Badge.svg(report, "zh-cn".equals(locale));
    }

    @Override
    public RefreshJobResultResponse refreshPortalServiceJobResult(String jobId, String taskId, String async) {
        // The spec: an empty task_id means the same as none (Quarkus hands it over as null already).
        JobReportInfo report = store.refreshReport(jobId, taskId == null || taskId.isEmpty() ? null : taskId);
        RefreshJobResultResponse response = new RefreshJobResultResponse().status("success").httpStatus("OK");
        // async=true (the default) returns no report: null, which the kit's Jackson module leaves out.
        return "false".equals(async) ? response.result(report) : response;
    }

    @Override
    public TaskCronResponse showPortalServiceTaskCron(String taskId, String operator) {
        return new TaskCronResponse().status("success").httpStatus("OK").result(store.cron(taskId));
    }

    @Override
    public Object stopTaskByIdV2(String taskId) {
        store.stop(taskId);
        return null; // the kit answers 200 with the body null
    }

    @Override
    public DeleteTaskResponse deleteTaskV3(String taskId, String operator) {
        store.delete(taskId);
        return new DeleteTaskResponse().httpStatus("OK").result(true).status("success");
    }

    /** Nothing to release; here to show that an implementation may implement other interfaces first. */
    @Override
    public void close() {
    }
}
