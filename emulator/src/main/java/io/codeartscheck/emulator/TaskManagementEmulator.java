package io.codeartscheck.emulator;

import io.codeartscheck.server.api.TaskManagementApi;
import io.codeartscheck.server.model.DeleteTaskResponse;
import io.codeartscheck.server.model.JobReportInfo;
import io.codeartscheck.server.model.RefreshJobResultResponse;
import io.codeartscheck.server.model.TaskCronResponse;

import java.util.Objects;

/**
 * The five operations over an {@link EmulatorState}: behaviour, not canned answers.
 *
 * <p>Parameter checks, error bodies, the token check and media types come from the server stub's
 * {@code CodeArtsCheckFeature}, registered by {@link EmulatorApplication}.
 *
 * <p>Public because JAX-RS runtimes (Jersey among them) call resource methods reflectively, which
 * needs a public class; only {@link EmulatorApplication} creates it.
 */
public final class TaskManagementEmulator implements TaskManagementApi {
    private final EmulatorState state;

    TaskManagementEmulator(EmulatorState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    /** Deletes the task with its schedule, jobs and reports; later operations on it answer 400. */
    @Override
    public DeleteTaskResponse deleteTaskV3(String taskId, String operator) {
        state.delete(taskId);
        return new DeleteTaskResponse().httpStatus("OK").result(true).status("success");
    }

    /** Returns the refreshed report with {@code async=false}; accepts without a report otherwise. */
    @Override
    public RefreshJobResultResponse refreshPortalServiceJobResult(String jobId, String taskId, String async) {
        String task = taskId == null || taskId.isEmpty() ? null : taskId; // task_id= means "not given"
        JobReportInfo report = state.refreshReport(jobId, task);
        RefreshJobResultResponse response = new RefreshJobResultResponse().httpStatus("OK").status("success");
        if ("false".equals(async)) {
            response.setResult(report);
        }
        return response;
    }

    /** Draws the badge from the task's report. */
    @Override
    public String showCodeHealthSvg(String taskId, String locale, String jobId) {
        return SvgBadge.render(state.badgeReport(taskId, jobId), locale);
    }

    /** Returns the task's schedule. */
    @Override
    public TaskCronResponse showPortalServiceTaskCron(String taskId, String operator) {
        return new TaskCronResponse().status("success").httpStatus("OK").result(state.cron(taskId));
    }

    /** Stops a running task; the Feature turns the Java null into the documented 200 {@code null}. */
    @Override
    public Object stopTaskByIdV2(String taskId) {
        state.stop(taskId);
        return null;
    }
}
