package io.codeartscheck.emulator.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class against one emulator on a free loopback port, reset before each test; test and
 * lifecycle methods may take an {@code Emulator}, its {@code URI} and a ready
 * {@code CodeArtsCheckClient} or {@code CodeArtsCheckAsyncClient} as parameters.
 *
 * <pre>
 * &#64;CodeArtsCheckEmulatorTest
 * class BadgeServiceTest {
 *     &#64;Test
 *     void showsTheGrade(CodeArtsCheckClient client, Emulator emulator) {
 *         assertThat(client.showCodeHealthSvg("aexxxx86")).contains("code health: A");
 *         emulator.verify(Operation.SHOW_CODE_HEALTH_SVG, 1);
 *     }
 * }
 * </pre>
 *
 * For settings beyond these, use {@link CodeArtsCheckEmulatorExtension} with {@code @RegisterExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CodeArtsCheckEmulatorExtension.class)
public @interface CodeArtsCheckEmulatorTest {
    /**
     * The tokens the emulator accepts; the injected client sends the first (default: any non-blank
     * token is accepted and the client sends {@value CodeArtsCheckEmulatorExtension#DEFAULT_TOKEN}).
     *
     * @return the tokens
     */
    String[] tokens() default {};

    /**
     * A classpath resource with the data to load, in the {@code --data} JSON format (default: the
     * docs' examples).
     *
     * @return the resource name, e.g. {@code "/my-tasks.json"}
     */
    String data() default "";

    /**
     * Whether the emulator logs a line per request (default false: tests stay quiet).
     *
     * @return true to log each request
     */
    boolean requestLog() default false;
}
