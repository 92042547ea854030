package io.codeartscheck.server;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the declaration of a resource method that carries the JAX-RS parameter annotations.
 *
 * <p>The annotations usually sit on the generated interface, not on the implementing method, and
 * the class a runtime reports may be a subclass or a proxy (a CDI {@code _Subclass}, a Spring CGLIB
 * class) of an implementation that implements other interfaces first
 * ({@code class MyTasks implements AutoCloseable, TaskManagementApi}): the search walks superclasses
 * and interfaces breadth first.
 */
final class ParameterDeclarations {
    private ParameterDeclarations() {
    }

    /**
     * The parameter annotations of the first declaration of {@code name(types)} in {@code root}'s
     * hierarchy with a JAX-RS parameter annotation, or {@code null} when there is none.
     */
    static Annotation[][] annotated(Class<?> root, String name, Class<?>[] types) {
        if (root == null || name == null || types == null) {
            return null;
        }
        Deque<Class<?>> queue = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            Class<?> c = queue.poll();
            if (c == Object.class || !seen.add(c)) {
                continue;
            }
            try {
                Method m = c.getDeclaredMethod(name, types);
                Annotation[][] annotations = m.getParameterAnnotations();
                for (Annotation[] parameter : annotations) {
                    if (wireName(parameter) != null) {
                        return annotations;
                    }
                }
            } catch (NoSuchMethodException ignored) {
                // Look further up.
            }
            // An interface has no superclass: ArrayDeque refuses null.
            if (c.getSuperclass() != null) {
                queue.add(c.getSuperclass());
            }
            queue.addAll(List.of(c.getInterfaces()));
        }
        return null;
    }

    /** The name on the wire of a parameter ({@code task_id}), from its JAX-RS annotation, or {@code null}. */
    static String wireName(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof PathParam p) {
                return p.value();
            } else if (a instanceof QueryParam q) {
                return q.value();
            } else if (a instanceof HeaderParam h) {
                return h.value();
            } else if (a instanceof CookieParam c) {
                return c.value();
            } else if (a instanceof MatrixParam m) {
                return m.value();
            } else if (a instanceof FormParam f) {
                return f.value();
            }
        }
        return null;
    }
}
