package io.codeartscheck.server;

import io.codeartscheck.server.api.TaskManagementApi;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Puts the {@code Allow} header, which HTTP requires, on a 405 for a path of the API when the
 * runtime left it out: Jersey and RESTEasy send it, Quarkus REST does not.
 */
final class AllowHeader implements ContainerResponseFilter {
    private record Operation(Pattern path, String method) {
    }

    private static final List<Operation> OPERATIONS = operations();

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Method m : TaskManagementApi.class.getMethods()) {
            Path path = m.getAnnotation(Path.class);
            for (Annotation a : m.getAnnotations()) {
                HttpMethod method = a.annotationType().getAnnotation(HttpMethod.class);
                if (path != null && method != null) {
                    String regex = Pattern.quote(path.value()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
                    operations.add(new Operation(Pattern.compile(regex), method.value()));
                }
            }
        }
        return List.copyOf(operations);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 405 || response.getHeaders().containsKey("Allow")) {
            return;
        }
        String path = AuthenticationFilter.path(request);
        Set<String> allowed = new TreeSet<>();
        for (Operation o : OPERATIONS) {
            if (o.path().matcher(path).matches()) {
                allowed.add(o.method());
            }
        }
        if (!allowed.isEmpty()) {
            allowed.add(HttpMethod.OPTIONS);
            response.getHeaders().putSingle("Allow", String.join(",", allowed));
        }
    }
}
