package io.codeartscheck.server;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * A JSON text written as is, so that error bodies and stop's {@code null} need no JSON provider.
 */
record RawJson(String json) {

    static final MediaType MEDIA_TYPE = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    static final RawJson NULL = new RawJson("null");

    /** The documented error object, escaped by hand. */
    static RawJson error(String errorCode, String errorMsg) {
        StringBuilder sb = new StringBuilder(64 + errorMsg.length());
        sb.append("{\"error_code\":");
        quote(sb, errorCode);
        sb.append(",\"error_msg\":");
        quote(sb, errorMsg);
        return new RawJson(sb.append('}').toString());
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    // Control characters, and U+2028/2029 which break JavaScript consumers.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Writes {@link RawJson} entities as UTF-8 bytes, whatever JSON provider the runtime has. */
    @Produces({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    static final class Writer implements MessageBodyWriter<RawJson> {
        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return type == RawJson.class;
        }

        @Override
        public long getSize(RawJson t, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return -1;
        }

        @Override
        public void writeTo(RawJson t, Class<?> type, Type genericType, Annotation[] annotations,
                            MediaType mediaType, MultivaluedMap<String, Object> httpHeaders,
                            OutputStream entityStream) throws IOException {
            entityStream.write(t.json().getBytes(StandardCharsets.UTF_8));
        }
    }
}
