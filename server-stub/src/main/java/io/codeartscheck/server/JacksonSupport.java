package io.codeartscheck.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.codeartscheck.server.model.DeleteTaskResponse;
import io.codeartscheck.server.model.ErrorResponse;
import io.codeartscheck.server.model.JobReportInfo;
import io.codeartscheck.server.model.RefreshJobResultResponse;
import io.codeartscheck.server.model.TaskCronResponse;
import io.codeartscheck.server.model.TaskCronResult;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Jackson settings that make the generated models serialise as the docs print them.
 *
 * <p>Loaded by name only when Jackson databind is on the classpath, so the Feature works without it.
 */
final class JacksonSupport implements Feature {

    /** The mapper the runtime's Jackson provider uses for the generated models. */
    static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                // async=true returns no report: leave "result" out instead of sending null.
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Field order as the docs' examples print it; the generated @JsonCreator of a model
                // with required fields would otherwise put those first.
                .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
                .addMixIn(RefreshJobResultResponse.class, Alphabetic.class)
                .addMixIn(JobReportInfo.class, Alphabetic.class)
                .addMixIn(DeleteTaskResponse.class, DeleteOrder.class)
                .addMixIn(TaskCronResponse.class, CronResponseOrder.class)
                .addMixIn(TaskCronResult.class, CronResultOrder.class)
                .addMixIn(ErrorResponse.class, ErrorOrder.class)
                .build();
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new Resolver());
        context.register(new ParseErrors(), Priorities.USER - 1000);
        context.register(new MappingErrors(), Priorities.USER - 1000);
        return true;
    }

    @JsonPropertyOrder(alphabetic = true)
    abstract static class Alphabetic {
    }

    @JsonPropertyOrder({"httpStatus", "result", "status"})
    abstract static class DeleteOrder {
    }

    @JsonPropertyOrder({"status", "httpStatus", "result"})
    abstract static class CronResponseOrder {
    }

    @JsonPropertyOrder({"taskId", "cronStatus", "weekDays", "detailTime", "creator", "timeOffset"})
    abstract static class CronResultOrder {
    }

    @JsonPropertyOrder({"error_code", "error_msg"})
    abstract static class ErrorOrder {
    }

    /** Hands {@link #objectMapper()} to Jersey's and RESTEasy's Jackson providers. */
    static final class Resolver implements ContextResolver<ObjectMapper> {
        private final ObjectMapper mapper = objectMapper();

        @Override
        public ObjectMapper getContext(Class<?> type) {
            return mapper;
        }
    }

    /** A request body that is not JSON: 400, not the provider's plain-text message. */
    @Priority(Priorities.USER - 1000)
    static final class ParseErrors implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException e) {
            return ErrorResponses.of(ErrorCode.INVALID_PARAMETER, "Verify request parameter failed: malformed JSON body.");
        }
    }

    /**
     * A request body of the wrong JSON shape: 400. A failure while writing a response (the
     * processor is a generator, or a model Jackson cannot serialise) is the server's fault: 500.
     */
    @Priority(Priorities.USER - 1000)
    static final class MappingErrors implements ExceptionMapper<JsonMappingException> {
        private static final Logger LOG = Logger.getLogger(MappingErrors.class.getName());

        @Override
        public Response toResponse(JsonMappingException e) {
            if (e instanceof InvalidDefinitionException || e.getProcessor() instanceof JsonGenerator) {
                LOG.log(Level.SEVERE, "could not write a response", e);
                return ErrorResponses.of(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage());
            }
            return ErrorResponses.of(ErrorCode.INVALID_PARAMETER, "Verify request parameter failed: unexpected JSON body.");
        }
    }
}
