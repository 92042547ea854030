package io.codeartscheck.server;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives an implementation of the generated {@code TaskManagementApi} the documented behaviour:
 * error bodies, token check, request ids and media types. Works on Jersey, RESTEasy and Quarkus
 * REST, and on any JAX-RS 3.1 runtime that runs a {@code Feature}.
 *
 * <p>What it registers:
 * <ul>
 *   <li>exception mappers: every failure answers {@code {"error_code": ..., "error_msg": ...}} with
 *       the status of its {@link ErrorCode} (validation 400 naming the wire parameter, unknown path
 *       404, wrong method 405, unexpected failure 500 without internals);</li>
 *   <li>an {@code X-Auth-Token} check answering 401 {@code CC.00000003} (see {@link TokenVerifier});</li>
 *   <li>an {@code X-Request-Id} on every response, and {@code Allow} on every 405;</li>
 *   <li>{@link OperationResponses}: the badge as {@code image/svg+xml;charset=UTF-8}, stop's 200
 *       {@code null}, empty query values checked from the raw query;</li>
 *   <li>when Jackson is present: {@link CodeArtsCheckObjectMapperResolver}, a mapper with
 *       {@link CodeArtsCheckJacksonModule} for the generated models (docs' field order, no
 *       {@code null} fields).</li>
 * </ul>
 *
 * <pre>
 * // Jersey
 * new ResourceConfig().register(new MyTasks()).register(CodeArtsCheckFeature.builder()
 *         .tokenVerifier(token -&gt; iam.isValid(token))
 *         .publicPaths("/health")
 *         .build());
 * // RESTEasy or any Application: return it from getSingletons(), or register the class for the defaults.
 * // Quarkus REST: discovered as a provider of your application
 * &#64;Provider
 * public class TaskApiFeature extends CodeArtsCheckFeature {
 *     public TaskApiFeature() {
 *         super(builder().tokenVerifier(token -&gt; iam.isValid(token)));
 *     }
 * }
 * </pre>
 */
public class CodeArtsCheckFeature implements Feature {
    private static final Logger LOG = Logger.getLogger(CodeArtsCheckFeature.class.getName());

    private final TokenVerifier tokenVerifier;
    private final Predicate<String> publicPaths;
    private final boolean jackson;

    /** The defaults: any non-blank token is accepted, no public paths, Jackson configured when present. */
    public CodeArtsCheckFeature() {
        this(builder());
    }

    /**
     * A feature configured by a builder; for a subclass that a runtime discovers and creates itself,
     * such as a {@code @Provider} class on Quarkus REST.
     *
     * @param builder the configuration
     */
    protected CodeArtsCheckFeature(Builder builder) {
        Objects.requireNonNull(builder, "builder");
        this.tokenVerifier = builder.tokenVerifier;
        this.publicPaths = builder.publicPaths;
        this.jackson = builder.jackson;
    }

    /**
     * Starts a configuration with the defaults of {@link #CodeArtsCheckFeature()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Registers the providers of the kit.
     *
     * @param context the runtime's configuration
     * @return {@code true}: the feature is always enabled
     */
    @Override
    public boolean configure(FeatureContext context) {
        context.register(new ExceptionMappers.Documented());
        context.register(new ExceptionMappers.Validation());
        context.register(new ExceptionMappers.Http());
        context.register(new ExceptionMappers.Unexpected());
        context.register(new RequestIdFilter());
        context.register(new AllowHeader());
        context.register(new AuthenticationFilter(tokenVerifier, publicPaths));
        context.register(new OperationResponses());
        if (jackson) {
            registerJackson(context);
        }
        return true;
    }

    /** Loaded by name so that this class links without Jackson on the classpath. */
    private static void registerJackson(FeatureContext context) {
        try {
            ClassLoader loader = CodeArtsCheckFeature.class.getClassLoader();
            Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, loader);
            Class<?> resolver = Class.forName("io.codeartscheck.server.CodeArtsCheckObjectMapperResolver", true, loader);
            context.register(resolver.getDeclaredConstructor().newInstance());
            Object[] mappers = (Object[]) Class.forName("io.codeartscheck.server.JacksonErrors", true, loader)
                    .getDeclaredMethod("mappers").invoke(null);
            for (Object mapper : mappers) {
                context.register(mapper, Priorities.USER - 1000);
            }
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(Level.FINE, "Jackson databind not present; JSON field order is the runtime's", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot configure Jackson", e);
        }
    }

    /** Configures a {@link CodeArtsCheckFeature}. */
    public static final class Builder {
        private TokenVerifier tokenVerifier = TokenVerifier.anyNonBlank();
        private Predicate<String> publicPaths = path -> false;
        private boolean jackson = true;

        private Builder() {
        }

        /**
         * Decides which non-blank tokens are accepted (default: all).
         *
         * @param verifier called with each non-blank token
         * @return this builder
         */
        public Builder tokenVerifier(TokenVerifier verifier) {
            this.tokenVerifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /**
         * Paths served without a token, tested against the path relative to the application with a
         * leading slash and without the query, e.g. {@code /health}.
         *
         * @param isPublic true for a path served without a token
         * @return this builder
         */
        public Builder publicPaths(Predicate<String> isPublic) {
            this.publicPaths = Objects.requireNonNull(isPublic, "isPublic");
            return this;
        }

        /**
         * Paths served without a token: these exact paths, or below them when given as {@code /docs/*}.
         *
         * @param paths paths relative to the application, with a leading slash
         * @return this builder
         */
        public Builder publicPaths(String... paths) {
            Set<String> exact = new java.util.HashSet<>();
            java.util.List<String> prefixes = new java.util.ArrayList<>();
            for (String p : paths) {
                if (p.endsWith("/*")) {
                    prefixes.add(p.substring(0, p.length() - 1));
                    exact.add(p.substring(0, p.length() - 2));
                } else {
                    exact.add(p);
                }
            }
            return publicPaths(path -> exact.contains(path) || prefixes.stream().anyMatch(path::startsWith));
        }

        /**
         * Whether to register a Jackson {@code ObjectMapper} resolver (default true). Turn it off when
         * the application resolves its own mapper; then register {@link CodeArtsCheckJacksonModule} on it.
         *
         * @param enabled whether to register the resolver
         * @return this builder
         */
        public Builder jackson(boolean enabled) {
            this.jackson = enabled;
            return this;
        }

        /**
         * Builds the feature.
         *
         * @return a feature with this configuration
         */
        public CodeArtsCheckFeature build() {
            return new CodeArtsCheckFeature(this);
        }
    }
}
