package io.codeartscheck.server;

import io.codeartscheck.server.api.TaskManagementApi;
import io.codeartscheck.server.model.DeleteTaskResponse;
import io.codeartscheck.server.model.ErrorResponse;
import io.codeartscheck.server.model.JobReportInfo;
import io.codeartscheck.server.model.RefreshJobResultResponse;
import io.codeartscheck.server.model.TaskCronResponse;
import io.codeartscheck.server.model.TaskCronResult;
import io.codeartscheck.server.validation.CodePointLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the custom jaxrs-spec templates (src/main/templates) change in the generated code. */
class GeneratedCodeTest {
    private static final List<Class<?>> MODELS = List.of(DeleteTaskResponse.class, ErrorResponse.class,
            JobReportInfo.class, RefreshJobResultResponse.class, TaskCronResponse.class, TaskCronResult.class);

    @Test
    void models_haveNoValidOnContainers_whichHibernateValidatorWarnsAbout() {
        for (Class<?> model : MODELS) {
            for (Field f : model.getDeclaredFields()) {
                boolean container = Collection.class.isAssignableFrom(f.getType()) || Map.class.isAssignableFrom(f.getType());
                assertThat(container && f.isAnnotationPresent(Valid.class))
                        .as("@Valid on the container field %s.%s (HV000271)", model.getSimpleName(), f.getName())
                        .isFalse();
            }
            for (Method m : model.getDeclaredMethods()) {
                boolean container = Collection.class.isAssignableFrom(m.getReturnType());
                assertThat(container && m.isAnnotationPresent(Valid.class))
                        .as("@Valid on the container getter %s.%s (HV000271)", model.getSimpleName(), m.getName())
                        .isFalse();
            }
        }
    }

    @Test
    void stringParameters_countCharacters_notUtf16Units() {
        int lengths = 0;
        for (Method m : TaskManagementApi.class.getMethods()) {
            for (Parameter p : m.getParameters()) {
                assertThat(p.isAnnotationPresent(Size.class)).as("@Size on %s(%s)", m.getName(), p.getName()).isFalse();
                if (p.isAnnotationPresent(CodePointLength.class)) {
                    lengths++;
                }
            }
        }
        // task_id in the path of four operations, job_id of refresh (path) and of the badge (query),
        // task_id of refresh (query), operator of taskcron.
        assertThat(lengths).isEqualTo(8);
    }
}
