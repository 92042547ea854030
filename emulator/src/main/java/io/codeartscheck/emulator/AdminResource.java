package io.codeartscheck.emulator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.codeartscheck.server.CodeArtsCheckException;
import io.codeartscheck.server.ErrorCode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The admin API under {@value #PREFIX}: reset, data, tasks, the journal and faults, for tests in any
 * language; described by {@code admin-openapi.yaml} (served at {@value #PREFIX}openapi.yaml) and
 * guarded by the same token as the API. Bodies are JSON; errors use the documented error body.
 */
@Path("/__emulator")
public class AdminResource {
    static final String PREFIX = "/__emulator/";
    static final String SPEC = "admin-openapi.yaml";
    private static final Set<String> FAULT_FIELDS = Set.of("operation", "status", "error_code", "error_msg",
            "delay_ms", "drop_connection", "times");

    private final EmulatorApplication app;

    AdminResource(EmulatorApplication app) {
        this.app = app;
    }

    /**
     * The admin API's own OpenAPI document (served without a token).
     *
     * @return the YAML text
     */
    @GET
    @Path("/openapi.yaml")
    @Produces("application/yaml;charset=UTF-8")
    public String openapi() {
        try (InputStream in = Objects.requireNonNull(AdminResource.class.getResourceAsStream(SPEC), SPEC)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Back to the loaded data; empties the journal and drops pending faults.
     *
     * @return 200 with the ids of the tasks now present
     */
    @POST
    @Path("/reset")
    @Produces(MediaType.APPLICATION_JSON)
    public String reset() {
        app.reset();
        return taskIds();
    }

    /**
     * The data that reset returns to, in the {@code --data} format.
     *
     * @return 200 with the data
     */
    @GET
    @Path("/data")
    @Produces(MediaType.APPLICATION_JSON)
    public String data() {
        return app.state().loaded().toJson();
    }

    /**
     * Replaces the loaded data (the {@code --data} format) and resets to it.
     *
     * @param body the data
     * @return 200 with the ids of the tasks now present
     */
    @PUT
    @Path("/data")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String load(String body) {
        EmulatorData data;
        try {
            data = EmulatorData.fromJson(nonEmpty(body));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        app.state().load(data);
        app.reset();
        return taskIds();
    }

    /**
     * Adds one task (the format of one entry of the data's {@code tasks}; ids may be left out and
     * are then generated, a job without report gets one with zero counts) until the next reset.
     *
     * @param body the task
     * @return 201 with {@code {"task_id": ..., "job_ids": [...]}}
     */
    @POST
    @Path("/tasks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response addTask(String body) {
        SeededTask added;
        try {
            added = app.state().add(EmulatorData.MAPPER.readValue(nonEmpty(body), EmulatorData.TaskData.class));
        } catch (JacksonException e) {
            throw invalid("not a valid task: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("task_id", added.taskId());
        result.put("job_ids", added.jobIds());
        return Response.status(201).type(MediaType.APPLICATION_JSON_TYPE).entity(Json.write(result)).build();
    }

    /**
     * The journal, oldest first, optionally of one operation.
     *
     * @param operation an operationId such as {@code StopTaskByIdV2}, or null for all requests
     * @return 200 with {@code {"requests": [...]}}
     */
    @GET
    @Path("/requests")
    @Produces(MediaType.APPLICATION_JSON)
    public String requests(@QueryParam("operation") String operation) {
        List<RecordedRequest> list;
        try {
            list = operation == null ? app.journal().all() : app.journal().of(Operation.of(operation));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (RecordedRequest r : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", r.time().toString());
            m.put("method", r.method());
            m.put("path", r.path());
            m.put("query", r.query());
            m.put("headers", r.headers());
            m.put("operation", r.operation() == null ? null : r.operation().operationId());
            m.put("status", r.status());
            out.add(m);
        }
        return Json.write(Map.of("requests", out));
    }

    /**
     * Empties the journal.
     *
     * @return 204
     */
    @DELETE
    @Path("/requests")
    public Response clearRequests() {
        app.journal().clear();
        return Response.noContent().build();
    }

    /**
     * Queues a fault for the next calls of an operation: {@code {"operation": "StopTaskByIdV2",
     * "status": 503, "error_code": ..., "error_msg": ..., "delay_ms": 0, "drop_connection": false,
     * "times": 1}}; give a status (with code and message), a delay, a drop, or a delay with either.
     *
     * @param body the fault
     * @return 201 with the faults now pending
     */
    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response addFault(String body) {
        try {
            JsonNode f = EmulatorData.MAPPER.readTree(nonEmpty(body));
            if (f == null || !f.isObject()) {
                throw invalid("a fault is a JSON object");
            }
            for (Iterator<String> names = f.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FAULT_FIELDS.contains(name)) {
                    throw invalid("unknown field " + name + " (known: " + FAULT_FIELDS + ")");
                }
            }
            Operation operation = Operation.of(f.path("operation").asText(null));
            boolean drop = f.path("drop_connection").asBoolean(false);
            int status = f.path("status").asInt(0);
            Fault fault;
            if (drop && status != 0) {
                throw invalid("a fault either drops the connection or answers a status, not both");
            } else if (drop) {
                fault = Fault.dropConnection();
            } else if (status != 0) {
                fault = Fault.status(status, f.path("error_code").asText(null), f.path("error_msg").asText(null));
            } else if (f.has("delay_ms")) {
                fault = Fault.delay(Duration.ZERO);
            } else {
                throw invalid("a fault needs a status, delay_ms or drop_connection");
            }
            fault = fault.delayed(Duration.ofMillis(f.path("delay_ms").asLong(0))).times(f.path("times").asInt(1));
            app.faults().add(operation, fault);
        } catch (JacksonException e) {
            throw invalid("not a valid fault: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        return Response.status(201).type(MediaType.APPLICATION_JSON_TYPE).entity(faults()).build();
    }

    /**
     * The faults still pending, per operation.
     *
     * @return 200 with {@code {"faults": [...]}}
     */
    @GET
    @Path("/faults")
    @Produces(MediaType.APPLICATION_JSON)
    public String faults() {
        List<Map<String, Object>> out = new ArrayList<>();
        app.faults().pending().forEach((op, list) -> {
            for (Fault f : list) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("operation", op.operationId());
                if (f.status() != 0) {
                    m.put("status", f.status());
                    m.put("error_code", f.errorCode());
                    m.put("error_msg", f.errorMsg());
                }
                m.put("delay_ms", f.delay().toMillis());
                m.put("drop_connection", f.dropsConnection());
                m.put("times", f.times());
                out.add(m);
            }
        });
        return Json.write(Map.of("faults", out));
    }

    /**
     * Drops every pending fault.
     *
     * @return 204
     */
    @DELETE
    @Path("/faults")
    public Response clearFaults() {
        app.faults().clear();
        return Response.noContent().build();
    }

    private String taskIds() {
        return Json.write(Map.of("task_ids", app.state().taskIds()));
    }

    private static String nonEmpty(String body) {
        if (body == null || body.isBlank()) {
            throw invalid("the request needs a JSON body");
        }
        return body;
    }

    private static CodeArtsCheckException invalid(String message) {
        return new CodeArtsCheckException(ErrorCode.INVALID_PARAMETER, message);
    }
}
