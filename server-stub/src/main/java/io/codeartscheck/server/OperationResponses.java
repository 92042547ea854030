package io.codeartscheck.server;

import io.codeartscheck.server.api.TaskManagementApi;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;

import java.lang.reflect.Method;

/**
 * Binds per-operation response fixes to the methods of {@link TaskManagementApi} implementations:
 * the badge is {@code image/svg+xml;charset=UTF-8} whatever the Accept header preferred, and stop's
 * Java {@code null} becomes a 200 with the body {@code null} instead of a 204.
 */
final class OperationResponses implements DynamicFeature {
    static final MediaType SVG = new MediaType("image", "svg+xml", "UTF-8");

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Class<?> resourceClass = resourceInfo.getResourceClass();
        Method method = resourceInfo.getResourceMethod();
        if (resourceClass == null || method == null || !TaskManagementApi.class.isAssignableFrom(resourceClass)) {
            return;
        }
        if (overrides(method, "showCodeHealthSvg", String.class, String.class, String.class)) {
            context.register(new SvgBadge());
        } else if (overrides(method, "stopTaskByIdV2", String.class)) {
            context.register(new NullBody());
        }
    }

    private static boolean overrides(Method method, String name, Class<?>... types) {
        if (!method.getName().equals(name)) {
            return false;
        }
        try {
            TaskManagementApi.class.getMethod(name, types);
            return java.util.Arrays.equals(method.getParameterTypes(), types);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Labels a successful badge body as SVG. */
    static final class SvgBadge implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (response.getStatus() == 200 && response.hasEntity()
                    && (response.getEntity() instanceof String || response.getEntity() instanceof byte[])) {
                response.setEntity(response.getEntity(), response.getEntityAnnotations(), SVG);
            }
        }
    }

    /** Turns stop's no-content answer into the documented 200 {@code null}. */
    static final class NullBody implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (response.getStatus() == 204 || (response.getStatus() == 200 && !response.hasEntity())) {
                response.setStatus(200);
                response.setEntity(RawJson.NULL, new java.lang.annotation.Annotation[0], RawJson.MEDIA_TYPE);
            }
        }
    }
}
