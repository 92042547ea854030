package io.codeartscheck.emulator;

import io.codeartscheck.server.model.JobReportInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SvgBadgeTest {

    @Test
    void grade_fallsFromAToEAsIssuesGrow() {
        assertThat(SvgBadge.grade(new JobReportInfo().severityCriticalCount(0).severityMajorCount(0)).letter()).isEqualTo("A");
        assertThat(SvgBadge.grade(new JobReportInfo().severityCriticalCount(1).severityMajorCount(10)).letter()).isEqualTo("B");
        assertThat(SvgBadge.grade(new JobReportInfo().severityCriticalCount(3).severityMajorCount(10)).letter()).isEqualTo("C");
        assertThat(SvgBadge.grade(new JobReportInfo().severityCriticalCount(5).severityMajorCount(10)).letter()).isEqualTo("D");
        assertThat(SvgBadge.grade(new JobReportInfo().severityCriticalCount(8).severityMajorCount(10)).letter()).isEqualTo("E");
    }

    @Test
    void grade_usesUpperCaseFieldsWhenLowerCaseAreAbsent() {
        assertThat(SvgBadge.grade(new JobReportInfo().criticalIssueCount(9)).letter()).isEqualTo("E");
    }

    @Test
    void render_withoutReport_isGreyUnknown() {
        assertThat(SvgBadge.render(null, null)).contains("code health: unknown").contains("#9f9f9f");
        assertThat(SvgBadge.render(null, "zh-cn")).contains("代码健康度: 未知");
    }
}
