package io.codeartscheck.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.codeartscheck.server.model.DeleteTaskResponse;
import io.codeartscheck.server.model.ErrorResponse;
import io.codeartscheck.server.model.RefreshJobResultResponse;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The module on a plain mapper, as an application that owns its mapper (or Quarkus) uses it. */
class CodeArtsCheckJacksonModuleTest {
    private final ObjectMapper mapper = JsonMapper.builder().addModule(new CodeArtsCheckJacksonModule()).build();

    @Test
    void asyncRefresh_leavesResultOut_inTheDocsOrder() throws Exception {
        RefreshJobResultResponse r = new RefreshJobResultResponse().status("success").httpStatus("OK");
        assertThat(mapper.writeValueAsString(r)).isEqualTo("{\"httpStatus\":\"OK\",\"status\":\"success\"}");
    }

    @Test
    void delete_inTheDocsOrder() throws Exception {
        DeleteTaskResponse r = new DeleteTaskResponse().status("success").result(true).httpStatus("OK");
        assertThat(mapper.writeValueAsString(r)).isEqualTo("{\"httpStatus\":\"OK\",\"result\":true,\"status\":\"success\"}");
    }

    @Test
    void readingAModel_ignoresUnknownFields() throws Exception {
        ErrorResponse e = mapper.readValue("{\"error_code\":\"CC.1\",\"error_msg\":\"m\",\"request_id\":\"x\"}",
                ErrorResponse.class);
        assertThat(e.getErrorCode()).isEqualTo("CC.1");
    }

    @Test
    void otherTypes_keepTheMappersDefaults() throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", null);
        assertThat(mapper.writeValueAsString(map)).isEqualTo("{\"a\":null}");
    }

    @Test
    void resolver_givesItsMapperForModelsOnly() {
        CodeArtsCheckObjectMapperResolver resolver = new CodeArtsCheckObjectMapperResolver();
        assertThat(resolver.getContext(RefreshJobResultResponse.class)).isNotNull();
        assertThat(resolver.getContext(String.class)).isNull();
        assertThat(resolver.getContext(Map.class)).isNull();
    }
}
