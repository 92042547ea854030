package io.codeartscheck.server;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives an implementation of the generated {@code TaskManagementApi} the documented behaviour:
 * error bodies, token check, request ids and media types. Works on any JAX-RS 3.1 runtime.
 *
 * <p>What it registers:
 * <ul>
 *   <li>exception mappers: every failure answers {@code {"error_code": ..., "error_msg": ...}} with
 *       the status of its {@link ErrorCode} (validation 400 naming the wire parameter, unknown path
 *       404, wrong method 405, unexpected failure 500 without internals);</li>
 *   <li>an {@code X-Auth-Token} check answering 401 {@code CC.00000003} (see {@link TokenVerifier});</li>
 *   <li>an {@code X-Request-Id} on every response;</li>
 *   <li>the badge as {@code image/svg+xml;charset=UTF-8} and stop's 200 {@code null};</li>
 *   <li>when Jackson is present: an {@code ObjectMapper} that leaves out null fields and orders
 *       fields as the docs print them.</li>
 * </ul>
 *
 * <pre>
 * // Jersey
 * new ResourceConfig().register(new MyTasks()).register(CodeArtsCheckFeature.builder()
 *         .tokenVerifier(token -&gt; iam.isValid(token))
 *         .publicPaths(path -&gt; path.equals("/health"))
 *         .build());
 * // RESTEasy or any Application: return it from getSingletons(), or register the class for the defaults.
 * </pre>
 */
public final class CodeArtsCheckFeature implements Feature {
    private static final Logger LOG = Logger.getLogger(CodeArtsCheckFeature.class.getName());

    private final TokenVerifier tokenVerifier;
    private final Predicate<String> publicPaths;
    private final boolean jackson;

    /** The defaults: any non-blank token is accepted, no public paths, Jackson configured when present. */
    public CodeArtsCheckFeature() {
        this(builder());
    }

    private CodeArtsCheckFeature(Builder b) {
        this.tokenVerifier = b.tokenVerifier;
        this.publicPaths = b.publicPaths;
        this.jackson = b.jackson;
    }

    /**
     * Starts a configuration with the defaults of {@link #CodeArtsCheckFeature()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new RawJson.Writer());
        context.register(new ExceptionMappers.Documented());
        context.register(new ExceptionMappers.Validation());
        context.register(new ExceptionMappers.Http());
        context.register(new ExceptionMappers.Unexpected());
        context.register(new RequestIdFilter());
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
            Class<?> support = Class.forName("io.codeartscheck.server.JacksonSupport", true, loader);
            context.register(support.getDeclaredConstructor().newInstance());
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
         * @param verifier decides whether a token is accepted
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
          * @param isPublic whether a request path is served without a token
          * @return this builder
         */
        public Builder publicPaths(Predicate<String> isPublic) {
            this.publicPaths = Objects.requireNonNull(isPublic, "isPublic");
            return this;
        }

        /**
         * Paths served without a token: these exact paths, or below them when given as {@code /docs/*}.
         *
         * @param paths exact paths, or prefixes written as {@code /prefix/*}
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
         * the application resolves its own mapper; then configure {@code NON_NULL} inclusion yourself.
          *
          * @param enabled whether to register the Jackson configuration
          * @return this builder
         */
        public Builder jackson(boolean enabled) {
            this.jackson = enabled;
            return this;
        }

        /**
         * Builds the feature.
         *
         * @return the feature, to register with the JAX-RS runtime
         */
        public CodeArtsCheckFeature build() {
            return new CodeArtsCheckFeature(this);
        }
    }
}
