package io.codeartscheck.server;

import io.codeartscheck.server.api.TaskManagementApi;
import io.codeartscheck.server.model.DeleteTaskResponse;
import io.codeartscheck.server.model.JobReportInfo;
import io.codeartscheck.server.model.RefreshJobResultResponse;
import io.codeartscheck.server.model.TaskCronResponse;
import io.codeartscheck.server.model.TaskCronResult;

import java.util.List;

/** A minimal implementation, as an implementer would write it. */
public class SampleTasks implements TaskManagementApi {
    static final String BADGE = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"20\"><title>ok</title></svg>";

    @Override
    public DeleteTaskResponse deleteTaskV3(String taskId, String operator) {
        if (taskId.equals("missing")) {
            throw new CodeArtsCheckException(ErrorCode.TASK_NOT_FOUND, "Task missing does not exist.");
        }
        return new DeleteTaskResponse().httpStatus("OK").result(true).status("success");
    }

    @Override
    public RefreshJobResultResponse refreshPortalServiceJobResult(String jobId, String taskId, String async) {
        RefreshJobResultResponse r = new RefreshJobResultResponse().httpStatus("OK").status("success");
        if ("false".equals(async)) {
            r.result(new JobReportInfo().majorIssueCount(4).severityCriticalCount(0).severityMajorCount(4).linesOfCode(991)
                    .tools(List.of("clangtidy")));
        }
        return r;
    }

    @Override
    public String showCodeHealthSvg(String taskId, String locale, String jobId) {
        if (taskId.equals("boom")) {
            throw new IllegalStateException("secret at com.example.internal.Database");
        }
        return BADGE;
    }

    @Override
    public TaskCronResponse showPortalServiceTaskCron(String taskId, String operator) {
        return new TaskCronResponse().status("success").httpStatus("OK").result(new TaskCronResult()
                .taskId(taskId).cronStatus("0").weekDays(List.of("0", "1", "2")).detailTime("15:00")
                .creator("creator").timeOffset("GMT+08:00"));
    }

    @Override
    public Object stopTaskByIdV2(String taskId) {
        return null;
    }
}
