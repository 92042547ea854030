package io.codeartscheck.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Jackson's read and write failures in the documented error shape. Loaded by name, only when
 * Jackson databind is on the classpath, so the Feature works without it.
 */
final class JacksonErrors {
    private JacksonErrors() {
    }

    /** The mappers, as instances for {@code FeatureContext.register}. */
    static Object[] mappers() {
        return new Object[] {new ParseErrors(), new MappingErrors()};
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
