package io.codeartscheck.examples.quarkus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeartscheck.server.model.JobReportInfo;

/** Draws the code health badge: a grade from the report's issue counts. */
final class Badge {
    private static final ObjectMapper WIRE = new ObjectMapper();

    private Badge() {
    }

    static String svg(JobReportInfo report, boolean chinese) {
        String label = chinese ? "代码健康" : "code health";
        String grade = grade(report);
        String color = switch (grade) {
            case "A" -> "#4c1";
            case "B" -> "#a4a61d";
            case "C" -> "#fe7d37";
            case "D" -> "#e05d44";
            default -> "#9f9f9f";
        };
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"136\" height=\"20\" role=\"img\" aria-label=\""
                + label + ": " + grade + "\"><title>" + label + ": " + grade + "</title>"
                + "<rect width=\"96\" height=\"20\" fill=\"#555\"/><rect x=\"96\" width=\"40\" height=\"20\" fill=\""
                + color + "\"/><text x=\"48\" y=\"14\" fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,sans-serif\""
                + " font-size=\"11\">" + label + "</text><text x=\"116\" y=\"14\" fill=\"#fff\" text-anchor=\"middle\""
                + " font-family=\"Verdana,sans-serif\" font-size=\"11\">" + grade + "</text></svg>";
    }

    /** Issues per thousand lines, by wire name so that the Java property names do not matter. */
    private static String grade(JobReportInfo report) {
        if (report == null) {
            return "?";
        }
        JsonNode r = WIRE.valueToTree(report);
        int lines = Math.max(1, r.path("CODE_SIZE").asInt(1));
        int weighted = 10 * r.path("FATAL").asInt() + 5 * r.path("CRITICAL").asInt() + r.path("GENERAL").asInt();
        double perKloc = weighted * 1000.0 / lines;
        return perKloc < 50 ? "A" : perKloc < 150 ? "B" : perKloc < 400 ? "C" : "D";
    }
}
