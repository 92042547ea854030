package io.codeartscheck.emulator;

import io.codeartscheck.server.model.JobReportInfo;

/**
 * Draws the code health badge, shields.io style: a grey label and a coloured grade.
 *
 * <p>The grade comes from a score of 100 minus 10 per critical, 2 per major, 0.1 per minor and 0.01
 * per suggestion issue (lower-case report fields, falling back to FATAL, CRITICAL, GENERAL and
 * PROMPT): A from 80, B from 60, C from 40, D from 20, E below; "unknown" without a report.
 */
final class SvgBadge {
    private SvgBadge() {
    }

    /** The grade letter and its colour. */
    record Grade(String letter, String colour) {
    }

    static Grade grade(JobReportInfo report) {
        if (report == null) {
            return null;
        }
        double score = 100
                - 10 * count(report.getSeverityCriticalCount(), report.getCriticalIssueCount())
                - 2 * count(report.getSeverityMajorCount(), report.getMajorIssueCount())
                - 0.1 * count(report.getSeverityMinorCount(), report.getMinorIssueCount())
                - 0.01 * count(report.getSeveritySuggestionCount(), report.getSuggestionCount());
        if (score >= 80) {
            return new Grade("A", "#4c1");
        } else if (score >= 60) {
            return new Grade("B", "#97ca00");
        } else if (score >= 40) {
            return new Grade("C", "#dfb317");
        } else if (score >= 20) {
            return new Grade("D", "#fe7d37");
        }
        return new Grade("E", "#e05d44");
    }

    private static int count(Integer preferred, Integer fallback) {
        if (preferred != null) {
            return preferred;
        }
        return fallback == null ? 0 : fallback;
    }

    /** The badge for a report (null: unknown) in English, or Chinese when {@code locale} is zh-cn. */
    static String render(JobReportInfo report, String locale) {
        boolean chinese = "zh-cn".equals(locale);
        String label = chinese ? "代码健康度" : "code health";
        Grade grade = grade(report);
        String value = grade != null ? grade.letter() : (chinese ? "未知" : "unknown");
        String colour = grade != null ? grade.colour() : "#9f9f9f";
        int labelWidth = width(label);
        int valueWidth = width(value);
        int total = labelWidth + valueWidth;
        String title = escape(label + ": " + value);
        String text = "\" y=\"14\" fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,sans-serif\" font-size=\"11\">";
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + total + "\" height=\"20\" role=\"img\" aria-label=\""
                + title + "\"><title>" + title + "</title>"
                + "<rect width=\"" + labelWidth + "\" height=\"20\" fill=\"#555\"/>"
                + "<rect x=\"" + labelWidth + "\" width=\"" + valueWidth + "\" height=\"20\" fill=\"" + colour + "\"/>"
                + "<text x=\"" + labelWidth / 2 + text + escape(label) + "</text>"
                + "<text x=\"" + (labelWidth + valueWidth / 2) + text + escape(value) + "</text></svg>";
    }

    /** Approximate text width at Verdana 11px: 6 px per Latin character, 12 per CJK one, 30 px padding. */
    static int width(String text) {
        int w = 30;
        for (int i = 0; i < text.length(); i++) {
            w += text.charAt(i) < 0x2E80 ? 6 : 12;
        }
        return Math.max(40, w);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
