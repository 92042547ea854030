package io.codeartscheck.emulator;

import java.util.Arrays;

/** The five operations of the API, by the spec's {@code operationId}: what faults and the journal name. */
public enum Operation {
    /** {@code GET /v4/task/{task_id}/code-health-svg}. */
    SHOW_CODE_HEALTH_SVG("ShowCodeHealthSvg", "showCodeHealthSvg"),
    /** {@code PUT /v1/jobs/{job_id}/result/refresh}. */
    REFRESH_PORTAL_SERVICE_JOB_RESULT("RefreshPortalServiceJobResult", "refreshPortalServiceJobResult"),
    /** {@code GET /v1/tasks/{task_id}/taskcron}. */
    SHOW_PORTAL_SERVICE_TASK_CRON("ShowPortalServiceTaskCron", "showPortalServiceTaskCron"),
    /** {@code POST /v2/tasks/{task_id}/stop}. */
    STOP_TASK_BY_ID_V2("StopTaskByIdV2", "stopTaskByIdV2"),
    /** {@code DELETE /v3/task/{task_id}}. */
    DELETE_TASK_V3("DeleteTaskV3", "deleteTaskV3");

    private final String operationId;
    private final String javaMethod;

    Operation(String operationId, String javaMethod) {
        this.operationId = operationId;
        this.javaMethod = javaMethod;
    }

    /**
     * The spec's name of the operation.
     *
     * @return e.g. {@code StopTaskByIdV2}
     */
    public String operationId() {
        return operationId;
    }

    /**
     * The operation with this {@code operationId}.
     *
     * @param operationId e.g. {@code StopTaskByIdV2}
     * @return the operation
     * @throws IllegalArgumentException when no operation has that id, listing those that exist
     */
    public static Operation of(String operationId) {
        for (Operation o : values()) {
            if (o.operationId.equals(operationId)) {
                return o;
            }
        }
        throw new IllegalArgumentException("operation must be one of "
                + Arrays.stream(values()).map(Operation::operationId).toList() + ", not " + operationId);
    }

    /** The operation a method of the generated {@code TaskManagementApi} implements, or null. */
    static Operation ofJavaMethod(String name) {
        for (Operation o : values()) {
            if (o.javaMethod.equals(name)) {
                return o;
            }
        }
        return null;
    }
}
