package io.codeartscheck.server;

import io.codeartscheck.server.api.TaskManagementApi;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Binds per-operation fixes to the methods of {@link TaskManagementApi} implementations: the badge
 * is {@code image/svg+xml;charset=UTF-8} whatever the Accept header preferred, stop's Java
 * {@code null} becomes a 200 with the body {@code null} instead of a 204, and an empty query value
 * ({@code ?job_id=}) or header ({@code operator:}) is checked against the parameter's constraints
 * from the raw request.
 *
 * <p>{@link CodeArtsCheckFeature} registers it. It is public and a {@link Provider} because Quarkus
 * REST does not take a {@code DynamicFeature} from a {@code Feature}: there it is discovered in the
 * server-stub jar (a bean archive) instead. Not meant to be used directly.
 */
@Provider
public final class OperationResponses implements DynamicFeature {
    static final MediaType SVG = new MediaType("image", "svg+xml", "UTF-8");

    /** Created by {@link CodeArtsCheckFeature}, or by the runtime when it discovers providers. */
    public OperationResponses() {
    }

    /**
     * Registers the fixes that apply to one resource method.
     *
     * @param resourceInfo the resource class and method
     * @param context where the filters are registered
     */
    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Class<?> resourceClass = resourceInfo.getResourceClass();
        Method method = resourceInfo.getResourceMethod();
        if (resourceClass == null || method == null || !TaskManagementApi.class.isAssignableFrom(resourceClass)
                || !isOperation(method)) {
            return;
        }
        if (method.getName().equals("showCodeHealthSvg")) {
            context.register(new SvgBadge());
        } else if (method.getName().equals("stopTaskByIdV2")) {
            context.register(new NullBody());
        }
        Annotation[][] parameters = ParameterDeclarations.annotated(resourceClass, method.getName(),
                method.getParameterTypes());
        EmptyParameterValues emptyValues = EmptyParameterValues.of(parameters);
        if (emptyValues != null) {
            context.register(emptyValues);
        }
    }

    private static boolean isOperation(Method method) {
        try {
            Method declared = TaskManagementApi.class.getMethod(method.getName(), method.getParameterTypes());
            return declared.getDeclaringClass() == TaskManagementApi.class
                    && Arrays.equals(declared.getParameterTypes(), method.getParameterTypes());
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
                response.setEntity(JsonText.NULL, new Annotation[0], ErrorResponses.JSON);
            }
        }
    }
}
