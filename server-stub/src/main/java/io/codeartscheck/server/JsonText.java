package io.codeartscheck.server;

/**
 * JSON text written by hand, so that error bodies and stop's {@code null} are plain {@code String}
 * entities: every JAX-RS runtime writes a {@code String} as is, whatever JSON provider it has
 * (Jackson's providers on Jersey, RESTEasy and Quarkus REST all leave strings untouched).
 */
final class JsonText {
    /** Stop's documented 200 body. */
    static final String NULL = "null";

    private JsonText() {
    }

    /** The documented error object, {@code {"error_code":...,"error_msg":...}}. */
    static String error(String errorCode, String errorMsg) {
        StringBuilder sb = new StringBuilder(64 + errorMsg.length());
        sb.append("{\"error_code\":");
        quote(sb, errorCode);
        sb.append(",\"error_msg\":");
        quote(sb, errorMsg);
        return sb.append('}').toString();
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
}
