package io.codeartscheck.emulator;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Runs the emulator from the command line.
 *
 * <pre>
 * java -jar emulator/target/codearts-check-emulator.jar --port 8080 --token secret
 * </pre>
 */
public final class Main {
    static final String USAGE = """
            Usage: java -jar codearts-check-emulator.jar [options]

            A local, in-memory CodeArts Check task-management API (the five documented operations).

              --host HOST    address to bind (default 127.0.0.1)
              --port PORT    port to bind (default 8080; 0 picks a free port)
              --data FILE    load tasks, jobs and reports from this JSON file
                             (default: the examples of the API docs)
              --token TOKEN  accept only this X-Auth-Token; repeat for more
                             (default: any non-blank token)
              --help         print this help

            Serves the API at /, the spec at /openapi.yaml, Swagger UI at /docs/ and /health.
            """;

    private Main() {
    }

    /**
     * Parses the flags, starts the emulator and stops it on SIGTERM or Ctrl-C.
     *
     * @param args the command-line flags (see {@code --help})
     */
    public static void main(String[] args) {
        Emulator.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (builder == null) {
            System.out.print(USAGE);
            return;
        }
        configureLogging();
        Emulator emulator;
        try {
            emulator = builder.start();
        } catch (Exception e) {
            System.err.println("error: cannot start the emulator: " + e.getMessage());
            System.exit(1);
            return;
        }
        PrintStream out = System.out;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.stop(1);
            out.println("CodeArts Check emulator stopped");
            out.flush();
        }, "emulator-shutdown"));
        out.println("CodeArts Check emulator listening on " + emulator.uri()
                + " (Swagger UI: " + emulator.uri().resolve("docs/") + ")");
        out.flush();
    }

    /** The configuration the flags ask for, or null for --help. */
    static Emulator.Builder parse(String[] args) {
        Emulator.Builder builder = Emulator.builder();
        List<String> list = new ArrayList<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                list.add(a.substring(0, eq));
                list.add(a.substring(eq + 1));
            } else {
                list.add(a);
            }
        }
        for (int i = 0; i < list.size(); i++) {
            String flag = list.get(i);
            if (flag.equals("--help") || flag.equals("-h")) {
                return null;
            }
            if (i + 1 >= list.size()) {
                throw new IllegalArgumentException(flag.startsWith("--") && isKnown(flag)
                        ? flag + " needs a value" : "unknown option " + flag);
            }
            String value = list.get(++i);
            switch (flag) {
                case "--host" -> builder.host(value);
                case "--port" -> {
                    try {
                        builder.port(Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port needs a number, not " + value);
                    }
                }
                case "--data" -> {
                    Path file = Path.of(value);
                    if (!Files.isReadable(file)) {
                        throw new IllegalArgumentException("--data: cannot read " + value);
                    }
                    builder.data(file);
                }
                case "--token" -> builder.token(value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return builder;
    }

    private static boolean isKnown(String flag) {
        return List.of("--host", "--port", "--data", "--token").contains(flag);
    }

    /** One line per log record: time, level (when not INFO) and message. */
    private static void configureLogging() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new SimpleFormatter() {
            @Override
            public String format(LogRecord r) {
                String level = r.getLevel() == Level.INFO ? "" : r.getLevel() + " ";
                String thrown = r.getThrown() == null ? "" : " (" + r.getThrown() + ")";
                return String.format("%1$tF %1$tT.%1$tL %2$s%3$s%4$s%n",
                        r.getMillis(), level, formatMessage(r), thrown);
            }
        });
        root.addHandler(handler);
        // Known-harmless startup noise: Jersey warns about resource instances (eclipse-ee4j/jersey#3700),
        // Hibernate Validator prints its version (null in a shaded jar).
        QUIET.add(Logger.getLogger("org.glassfish.jersey.internal.inject.Providers"));
        QUIET.add(Logger.getLogger("org.hibernate.validator.internal.util.Version"));
        QUIET.forEach(l -> l.setLevel(Level.SEVERE));
    }

    // Loggers are weakly referenced: keep the configured ones alive.
    private static final List<Logger> QUIET = new ArrayList<>();
}
