package io.codeartscheck.server;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.codeartscheck.server.model.DeleteTaskResponse;
import io.codeartscheck.server.model.ErrorResponse;
import io.codeartscheck.server.model.JobReportInfo;
import io.codeartscheck.server.model.RefreshJobResultResponse;
import io.codeartscheck.server.model.TaskCronResponse;
import io.codeartscheck.server.model.TaskCronResult;

/**
 * A Jackson module that makes the generated models ({@code io.codeartscheck.server.model}) serialise
 * as the docs print them: fields in the docs' order, {@code null} fields left out (an asynchronous
 * refresh sends no {@code result}), unknown fields ignored when reading.
 *
 * <p>It touches only the generated models (through mix-ins), so it can go on an application's
 * shared mapper. {@link CodeArtsCheckFeature} registers a mapper with it on Jersey and RESTEasy;
 * on Quarkus, {@link CodeArtsCheckObjectMapperResolver} is discovered; with a mapper of your own:
 *
 * <pre>
 * ObjectMapper mapper = JsonMapper.builder().addModule(new CodeArtsCheckJacksonModule()).build();
 * </pre>
 */
public final class CodeArtsCheckJacksonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** Creates the module with the mix-ins of every generated model. */
    public CodeArtsCheckJacksonModule() {
        super(CodeArtsCheckJacksonModule.class.getName(), Version.unknownVersion());
        setMixInAnnotation(RefreshJobResultResponse.class, RefreshOrder.class);
        setMixInAnnotation(JobReportInfo.class, Alphabetic.class);
        setMixInAnnotation(DeleteTaskResponse.class, DeleteOrder.class);
        setMixInAnnotation(TaskCronResponse.class, CronResponseOrder.class);
        setMixInAnnotation(TaskCronResult.class, CronResultOrder.class);
        setMixInAnnotation(ErrorResponse.class, ErrorOrder.class);
    }

    // Explicit orders: with the generated @JsonCreator, Jackson would otherwise put required
    // (creator) properties first, e.g. "status" before an optional "result".

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"httpStatus", "result", "status"})
    abstract static class RefreshOrder {
    }

    /** Every field of the report is required (a creator property), so alphabetic holds for all. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder(alphabetic = true)
    abstract static class Alphabetic {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"httpStatus", "result", "status"})
    abstract static class DeleteOrder {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"status", "httpStatus", "result"})
    abstract static class CronResponseOrder {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"taskId", "cronStatus", "weekDays", "detailTime", "creator", "timeOffset"})
    abstract static class CronResultOrder {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"error_code", "error_msg"})
    abstract static class ErrorOrder {
    }
}
