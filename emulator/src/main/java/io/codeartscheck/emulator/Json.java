package io.codeartscheck.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON text for the emulator's own answers (admin API, faults, protocol errors). */
final class Json {
    private Json() {
    }

    /** The documented error body, {@code {"error_code": ..., "error_msg": ...}}, in that order. */
    static String error(String code, String msg) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("error_msg", msg);
        return write(body);
    }

    static String write(Object value) {
        try {
            return EmulatorData.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
