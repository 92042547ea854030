package io.codeartscheck.server;

import io.codeartscheck.server.validation.CodePointLength;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Annotation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks empty query values ({@code ?job_id=}) and empty headers ({@code operator:}) against the
 * parameter's constraints, reading the raw query and headers: Quarkus REST hands an empty value to
 * the method as {@code null}, which bean validation lets pass, while Jersey and RESTEasy hand over
 * {@code ""}. Answering here gives every runtime the same 400, worded as bean validation words it
 * ({@code job_id: size must be between 1 and 64}).
 */
final class EmptyParameterValues implements ContainerRequestFilter {
    /** Wire name of each constrained query parameter, and the message for an empty value. */
    private final Map<String, String> messages;
    /** The same for header parameters. */
    private final Map<String, String> headerMessages;

    private EmptyParameterValues(Map<String, String> messages, Map<String, String> headerMessages) {
        this.messages = messages;
        this.headerMessages = headerMessages;
    }

    /** The filter for a method's parameters, or {@code null} when none of them rejects an empty value. */
    static EmptyParameterValues of(Annotation[][] parameters) {
        if (parameters == null) {
            return null;
        }
        Map<String, String> messages = new LinkedHashMap<>();
        Map<String, String> headerMessages = new LinkedHashMap<>();
        for (Annotation[] annotations : parameters) {
            String name = null;
            Map<String, String> target = null;
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    name = q.value();
                    target = messages;
                } else if (a instanceof HeaderParam h) {
                    name = h.value();
                    target = headerMessages;
                }
            }
            if (name == null) {
                continue;
            }
            List<String> violations = new ArrayList<>();
            for (Annotation a : annotations) {
                String violation = emptyViolation(a);
                if (violation != null) {
                    violations.add(name + ": " + violation);
                }
            }
            if (!violations.isEmpty()) {
                target.put(name, String.join("; ", violations));
            }
        }
        return messages.isEmpty() && headerMessages.isEmpty() ? null
                : new EmptyParameterValues(Map.copyOf(messages), Map.copyOf(headerMessages));
    }

    /** The message bean validation gives for {@code ""} under this constraint, or {@code null} if "" is valid. */
    private static String emptyViolation(Annotation a) {
        if (a instanceof CodePointLength c) {
            return c.min() > 0 ? interpolate(c.message(), c.min(), c.max(), null) : null;
        } else if (a instanceof Size s) {
            return s.min() > 0 ? interpolate(s.message(), s.min(), s.max(), null) : null;
        } else if (a instanceof Pattern p) {
            return java.util.regex.Pattern.compile(p.regexp()).matcher("").matches()
                    ? null : interpolate(p.message(), 0, 0, p.regexp());
        } else if (a instanceof NotEmpty n) {
            return interpolate(n.message(), 0, 0, null);
        } else if (a instanceof NotBlank n) {
            return interpolate(n.message(), 0, 0, null);
        }
        return null;
    }

    /** The default messages of Jakarta Validation in English, and the parameters of custom ones. */
    private static String interpolate(String template, int min, int max, String regexp) {
        String message = switch (template) {
            case "{jakarta.validation.constraints.Size.message}" -> "size must be between {min} and {max}";
            case "{jakarta.validation.constraints.Pattern.message}" -> "must match \"{regexp}\"";
            case "{jakarta.validation.constraints.NotEmpty.message}" -> "must not be empty";
            case "{jakarta.validation.constraints.NotBlank.message}" -> "must not be blank";
            default -> template;
        };
        message = message.replace("{min}", Integer.toString(min)).replace("{max}", Integer.toString(max));
        return regexp != null ? message.replace("{regexp}", regexp) : message;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Set<String> violations = new TreeSet<>();
        headerMessages.forEach((name, message) -> {
            List<String> values = request.getHeaders().get(name);
            if (values != null && !values.isEmpty() && values.get(0) != null && values.get(0).isEmpty()) {
                violations.add(message);
            }
        });
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        Set<String> seen = new java.util.HashSet<>();
        for (String pair : query == null || query.isEmpty() ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            // JAX-RS gives a single-valued parameter its first value: only that one counts.
            if (name == null || !seen.add(name)) {
                continue;
            }
            String message = messages.get(name);
            if (message != null && (eq < 0 || eq == pair.length() - 1)) {
                violations.add(message);
            }
        }
        if (!violations.isEmpty()) {
            request.abortWith(ErrorResponses.of(ErrorCode.INVALID_PARAMETER, String.join("; ", violations)));
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
