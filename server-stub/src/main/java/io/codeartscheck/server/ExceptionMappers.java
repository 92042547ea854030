package io.codeartscheck.server;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The exception mappers that give every failure the documented error shape. */
final class ExceptionMappers {
    private static final Logger LOG = Logger.getLogger(CodeArtsCheckFeature.class.getName());

    private ExceptionMappers() {
    }

    /** An implementation's own documented error. */
    static final class Documented implements ExceptionMapper<CodeArtsCheckException> {
        @Override
        public Response toResponse(CodeArtsCheckException e) {
            return ErrorResponses.of(e.errorCode(), e.errorMsg());
        }
    }

    /** Bean-validation failures: 400 naming the wire parameter ({@code task_id}, not {@code taskId}). */
    static final class Validation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            Set<ConstraintViolation<?>> violations = e.getConstraintViolations();
            if (violations == null || violations.isEmpty()) {
                return ErrorResponses.of(ErrorCode.INVALID_PARAMETER, ErrorCode.INVALID_PARAMETER.defaultMessage());
            }
            boolean returnValue = false;
            Set<String> messages = new TreeSet<>();
            for (ConstraintViolation<?> v : violations) {
                if (isReturnValue(v)) {
                    returnValue = true;
                } else {
                    messages.add(wireName(v) + ": " + v.getMessage());
                }
            }
            if (returnValue && messages.isEmpty()) {
                // The server produced an invalid response: that is the server's fault, not the client's.
                LOG.log(Level.SEVERE, "Response failed validation: " + violations);
                return ErrorResponses.of(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage());
            }
            return ErrorResponses.of(ErrorCode.INVALID_PARAMETER, String.join("; ", messages));
        }

        private static boolean isReturnValue(ConstraintViolation<?> v) {
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The wire name of the violated parameter, found from the JAX-RS annotation on the method parameter. */
    static String wireName(ConstraintViolation<?> v) {
        String methodName = null;
        List<Class<?>> parameterTypes = null;
        StringBuilder name = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> {
                    Path.MethodNode m = node.as(Path.MethodNode.class);
                    methodName = m.getName();
                    parameterTypes = m.getParameterTypes();
                }
                case PARAMETER -> {
                    int index = node.as(Path.ParameterNode.class).getParameterIndex();
                    String wire = parameterWireName(v.getRootBeanClass(), methodName, parameterTypes, index);
                    name.append(wire != null ? wire : node.getName());
                }
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (node.getName() != null) {
                        if (name.length() > 0) {
                            name.append('.');
                        }
                        name.append(node.getName());
                    }
                }
                default -> {
                    // BEAN, CONSTRUCTOR, CROSS_PARAMETER: nothing a client can name.
                }
            }
        }
        return name.length() > 0 ? name.toString() : "request";
    }

    private static String parameterWireName(Class<?> root, String methodName, List<Class<?>> types, int index) {
        if (types == null) {
            return null;
        }
        Annotation[][] parameters = ParameterDeclarations.annotated(root, methodName, types.toArray(new Class<?>[0]));
        return parameters != null && index < parameters.length ? ParameterDeclarations.wireName(parameters[index]) : null;
    }

    /** Errors raised by the runtime itself: unknown path, wrong method, bad Accept, bad parameter values. */
    static final class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            int status = original == null ? 500 : original.getStatus();
            if (status < 400) {
                // Not an error (e.g. RESTEasy answers OPTIONS by throwing): keep the runtime's answer.
                return original;
            }
            if (isParameterConversionFailure(e, status)) {
                return ErrorResponses.of(400, ErrorCode.INVALID_PARAMETER.code(),
                        "Verify request parameter failed: a parameter value could not be read.", original);
            }
            ErrorCode code = switch (status) {
                case 400 -> ErrorCode.INVALID_PARAMETER;
                case 404 -> ErrorCode.PATH_NOT_FOUND;
                case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
                case 406 -> ErrorCode.NOT_ACCEPTABLE;
                case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
                case 401 -> ErrorCode.AUTHENTICATION_FAILED;
                default -> null;
            };
            if (status >= 500) {
                LOG.log(Level.SEVERE, "Request failed with " + status, e);
                return ErrorResponses.of(status, ErrorCode.HTTP_ERROR.code() + "." + status,
                        ErrorCode.INTERNAL_ERROR.defaultMessage(), original);
            }
            if (code == null) {
                return ErrorResponses.of(status, ErrorCode.HTTP_ERROR.code() + "." + status,
                        reason(status), original);
            }
            return ErrorResponses.of(status, code.code(), code.defaultMessage(), original);
        }

        /**
         * JAX-RS answers 404 when a query or path value cannot be converted to the parameter type;
         * for a client that is a bad parameter, not a missing path. Both runtimes attach the cause.
         */
        private static boolean isParameterConversionFailure(WebApplicationException e, int status) {
            if (e instanceof BadRequestException) {
                return true;
            }
            if (status != 404 && status != 400) {
                return false;
            }
            if (e.getClass().getName().contains("ParamException")) {
                return true;
            }
            return e instanceof NotFoundException && e.getCause() != null
                    && !(e instanceof NotAllowedException)
                    && !(e instanceof NotAcceptableException)
                    && !(e instanceof NotSupportedException);
        }

        private static String reason(int status) {
            Response.Status s = Response.Status.fromStatusCode(status);
            return s != null ? s.getReasonPhrase() + "." : "The request failed.";
        }
    }

    /** Anything else: 500 in the documented shape, without stack trace or class names. */
    static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            LOG.log(Level.SEVERE, "Unexpected failure", e);
            return ErrorResponses.of(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage());
        }
    }
}
