package io.codeartscheck.examples.quarkus;

import io.codeartscheck.conformance.AbstractConformanceSuite;
import io.codeartscheck.conformance.ConformanceTarget;
import io.codeartscheck.conformance.FixtureTask;
import io.codeartscheck.server.model.JobReportInfo;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole TCK against this example on Quarkus REST: every case, as raw HTTP and through the
 * typed client. This class is all an implementer writes; the fixtures put tasks straight into the
 * in-memory store.
 */
@QuarkusTest
class QuarkusConformanceTest extends AbstractConformanceSuite {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TaskStore store;

    @Override
    protected ConformanceTarget target() {
        return ConformanceTarget.builder()
                .name("the Quarkus example")
                .baseUrl(base.toString())
                .token("example-token")                     // application.properties: codearts-check.tokens
                .rejectedToken("expired-token")
                .fixtures(task -> store.addTask(task.taskId(), task.running(), task.schedule(), reports(task)))
                .build();
    }

    private static Map<String, JobReportInfo> reports(FixtureTask task) {
        Map<String, JobReportInfo> reports = new LinkedHashMap<>();
        task.jobs().forEach(job -> reports.put(job.jobId(), job.report()));
        return reports;
    }
}
