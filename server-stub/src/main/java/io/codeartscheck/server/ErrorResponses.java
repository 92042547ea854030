package io.codeartscheck.server;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Builds the documented error responses: a JSON text as a {@code String} entity. */
final class ErrorResponses {
    static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private ErrorResponses() {
    }

    static Response of(ErrorCode code, String message) {
        return of(code.status(), code.code(), message);
    }

    static Response of(int status, String errorCode, String message) {
        return Response.status(status)
                .entity(JsonText.error(errorCode, message))
                .type(JSON)
                .build();
    }

    /** Like {@link #of(int, String, String)}, keeping headers such as {@code Allow} from the runtime's response. */
    static Response of(int status, String errorCode, String message, Response original) {
        Response.ResponseBuilder builder = Response.status(status)
                .entity(JsonText.error(errorCode, message));
        if (original != null) {
            MultivaluedMap<String, Object> headers = original.getHeaders();
            for (Map.Entry<String, List<Object>> e : headers.entrySet()) {
                String name = e.getKey();
                if (name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
                        || name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                    continue;
                }
                for (Object value : e.getValue()) {
                    builder.header(name, value);
                }
            }
        }
        return builder.type(JSON).build();
    }
}
