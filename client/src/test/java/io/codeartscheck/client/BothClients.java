package io.codeartscheck.client;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of the class once against {@link CodeArtsCheckClient} and once against
 * {@link CodeArtsCheckAsyncClient} (as Feign's {@code AbstractClientTest} runs one suite against
 * every HTTP client): the class declares {@code @Parameter ClientKind kind} and builds its clients
 * with {@link ClientUnderTest#of}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "{0} client")
@EnumSource(ClientKind.class)
@interface BothClients {
}
