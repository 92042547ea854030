package io.codeartscheck.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Hands the runtime's Jackson provider a mapper with {@link CodeArtsCheckJacksonModule} for the
 * generated models, and nothing ({@code null}: the runtime's own mapper) for any other type, so the
 * application's other resources keep their JSON settings.
 *
 * <p>{@link CodeArtsCheckFeature} registers it on Jersey and RESTEasy (unless
 * {@code .jackson(false)}); Quarkus REST does not take a {@code ContextResolver} from a
 * {@code Feature} and discovers it in the server-stub jar instead. Not meant to be used directly.
 */
@Provider
public final class CodeArtsCheckObjectMapperResolver implements ContextResolver<ObjectMapper> {
    private static final String MODEL_PACKAGE = "io.codeartscheck.server.model";

    private final ObjectMapper mapper = JsonMapper.builder().addModule(new CodeArtsCheckJacksonModule()).build();

    /** Created by {@link CodeArtsCheckFeature}, or by the runtime when it discovers providers. */
    public CodeArtsCheckObjectMapperResolver() {
    }

    /**
     * The mapper for a type.
     *
     * @param type the class being read or written
     * @return the mapper with {@link CodeArtsCheckJacksonModule} for a generated model, else {@code null}
     */
    @Override
    public ObjectMapper getContext(Class<?> type) {
        return type != null && MODEL_PACKAGE.equals(type.getPackageName()) ? mapper : null;
    }
}
