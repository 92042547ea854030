package io.codeartscheck.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** (Runs with Jersey on the classpath: a Response needs a JAX-RS runtime.) Who is blamed for a Jackson mapping failure: the caller (400) or the server (500). */
class JacksonMappingErrorsJerseyTest {

    private final JacksonErrors.MappingErrors mapper = new JacksonErrors.MappingErrors();

    @Test
    void requestBodyOfTheWrongShape_is400() throws Exception {
        JsonParser parser = new JsonFactory().createParser("{\"a\":1}");
        assertThat(mapper.toResponse(JsonMappingException.from(parser, "unexpected")).getStatus()).isEqualTo(400);
    }

    @Test
    void responseThatCannotBeWritten_is500() throws Exception {
        JsonGenerator generator = new JsonFactory().createGenerator(new StringWriter());
        assertThat(mapper.toResponse(JsonMappingException.from(generator, "cannot write")).getStatus()).isEqualTo(500);
        assertThat(mapper.toResponse(InvalidDefinitionException.from(generator, "no serializer", (com.fasterxml.jackson.databind.JavaType) null))
                .getStatus()).isEqualTo(500);
    }
}
