package io.codeartscheck.emulator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How a request is named in the journal: its operation, by the spec's paths, and the id its path names. */
class RequestRecorderTest {

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource(nullValues = "-", value = {
        "GET, /v4/task/t1/code-health-svg, SHOW_CODE_HEALTH_SVG, t1",
        "GET, /v1/tasks/t%201/taskcron, SHOW_PORTAL_SERVICE_TASK_CRON, t 1",
        "PUT, /v1/jobs/j1/result/refresh, REFRESH_PORTAL_SERVICE_JOB_RESULT, j1",
        "POST, /v2/tasks/stop/stop, STOP_TASK_BY_ID_V2, stop",
        "DELETE, /v3/task/%E4%BB%BB%E5%8A%A1, DELETE_TASK_V3, 任务",
        "GET, /v1/tasks//taskcron, -, -",
        "GET, /v1/tasks/a/b/taskcron, -, -",
        "DELETE, /v3/task/, -, -",
        "DELETE, /v3/task/a/, -, -",
        "POST, /v1/tasks/t1/taskcron, -, -",
        "GET, /v4/task/t1/code-health-svgx, -, -",
        "GET, /health, -, -"})
    void operationAndId_followTheSpecsPaths(String method, String path, Operation operation, String id) {
        assertThat(RequestRecorder.operation(method, path)).isEqualTo(operation);
        if (operation != null) {
            assertThat(RequestRecorder.pathId(path)).isEqualTo(id);
        }
    }
}
