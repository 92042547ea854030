package io.codeartscheck.server;

import io.codeartscheck.server.api.TaskManagementApi;
import io.codeartscheck.server.model.DeleteTaskResponse;
import io.codeartscheck.server.model.RefreshJobResultResponse;
import io.codeartscheck.server.model.TaskCronResponse;

/**
 * An implementation that implements another interface first, as many do: the JAX-RS annotations
 * are two interfaces away, past one ({@link AutoCloseable}) whose superclass is {@code null}.
 */
public class AutoCloseableTasks implements AutoCloseable, TaskManagementApi {
    private final SampleTasks delegate = new SampleTasks();

    @Override
    public void close() {
    }

    @Override
    public DeleteTaskResponse deleteTaskV3(String taskId, String operator) {
        return delegate.deleteTaskV3(taskId, operator);
    }

    @Override
    public RefreshJobResultResponse refreshPortalServiceJobResult(String jobId, String taskId, String async) {
        return delegate.refreshPortalServiceJobResult(jobId, taskId, async);
    }

    @Override
    public String showCodeHealthSvg(String taskId, String locale, String jobId) {
        return delegate.showCodeHealthSvg(taskId, locale, jobId);
    }

    @Override
    public TaskCronResponse showPortalServiceTaskCron(String taskId, String operator) {
        return delegate.showPortalServiceTaskCron(taskId, operator);
    }

    @Override
    public Object stopTaskByIdV2(String taskId) {
        return delegate.stopTaskByIdV2(taskId);
    }

    /** A subclass, as a CDI container or Spring makes of a bean to intercept it. */
    public static class Subclass extends AutoCloseableTasks {
    }
}
