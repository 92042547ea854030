package io.codeartscheck.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the emulator from the command line, or resets a running one.
 *
 * <pre>
 * java -jar emulator/target/codearts-check-emulator.jar --port 8080 --token secret
 * java -jar emulator/target/codearts-check-emulator.jar --reset --port 8080 --token secret
 * </pre>
 */
public final class Main {
    static final String USAGE = """
            Usage: java -jar codearts-check-emulator.jar [options]
                   java -jar codearts-check-emulator.jar --reset [--host HOST] [--port PORT] [--token TOKEN]

            A local, in-memory CodeArts Check task-management API (the five documented operations).

              --host HOST           address to bind (default 127.0.0.1)
              --port PORT           port to bind (default 8080; 0 picks a free port)
              --data FILE           load tasks, jobs and reports from this JSON file
                                    (default: the examples of the API docs)
              --token TOKEN         accept only this X-Auth-Token; repeat for more
                                    (default: any non-blank token)
              --no-request-log      no log line per request (protocol errors are still logged)
              --log-file FILE       log to FILE instead of stderr, rolling over at --log-file-size
                                    (FILE is the current log, FILE.1 to FILE.4 the older ones)
              --log-file-size MB    size at which the log file rolls over (default 10)
              --header-timeout S    seconds a request (head and body) may take to arrive (default 10)
              --idle-timeout S      seconds an idle connection is kept open (default 30)
              --max-connections N   connections open at once (default 1000)
              --reset               do not start: reset the emulator running at --host/--port
                                    (POST /__emulator/reset) and exit
              --help                print this help

            Serves the API at /, the spec at /openapi.yaml, Swagger UI at /docs/, /health, and the
            admin API at /__emulator/ (reset, data, tasks, requests, faults; its spec at
            /__emulator/openapi.yaml).
            """;
    private static final Set<String> VALUED = Set.of("--host", "--port", "--data", "--token", "--log-file",
            "--log-file-size", "--header-timeout", "--idle-timeout", "--max-connections");

    // Loggers are weakly referenced: keep the configured ones alive.
    private static final List<Logger> CONFIGURED = new ArrayList<>();

    private Main() {
    }

    /** What the command line asks for. */
    static final class Command {
        final Emulator.Builder builder = Emulator.builder();
        boolean help;
        boolean reset;
        String host = "127.0.0.1";
        int port = 8080;
        String token;
        Path logFile;
        int logFileMegabytes = 10;
    }

    /**
     * Parses the flags, then starts the emulator (stopped by SIGTERM or Ctrl-C) or resets a running one.
     *
     * @param args the flags, see {@link #USAGE}
     */
    public static void main(String[] args) {
        Command command;
        try {
            command = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (command.help) {
            System.out.print(USAGE);
            return;
        }
        if (command.reset) {
            System.exit(reset(command, System.out, System.err));
            return;
        }
        Handler handler;
        try {
            handler = configureLogging(command);
        } catch (IOException e) {
            System.err.println("error: cannot open the log file: " + e.getMessage());
            System.exit(1);
            return;
        }
        Emulator emulator;
        try {
            emulator = command.builder.start();
        } catch (Exception e) {
            System.err.println("error: cannot start the emulator: " + e.getMessage());
            System.exit(1);
            return;
        }
        PrintStream out = System.out;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                emulator.stop(1000);
            } finally {
                handler.close();
                out.println("CodeArts Check emulator stopped");
                out.flush();
            }
        }, "emulator-shutdown"));
        out.println("CodeArts Check emulator listening on " + emulator.uri()
                + " (Swagger UI: " + emulator.uri().resolve("docs/") + ")");
        out.flush();
        // The engine's threads are daemons (an embedding JVM must be able to exit): wait for the signal.
        try {
            new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends POST /__emulator/reset; returns the exit code. */
    static int reset(Command command, PrintStream out, PrintStream err) {
        String host = command.host.contains(":") && !command.host.startsWith("[") ? "[" + command.host + "]" : command.host;
        URI uri = URI.create("http://" + host + ":" + command.port + AdminResource.PREFIX + "reset");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("X-Auth-Token", command.token == null ? "emulator-reset" : command.token)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                out.println("reset " + uri.resolve("/") + ": " + response.body());
                return 0;
            }
            err.println("error: " + uri + " answered " + response.statusCode() + " " + response.body());
            return 1;
        } catch (IOException e) {
            err.println("error: no emulator at " + uri.resolve("/") + " (" + e.getMessage() + ")");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** The configuration the flags ask for. */
    static Command parse(String[] args) {
        Command c = new Command();
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
            switch (flag) {
                case "--help", "-h" -> {
                    c.help = true;
                    return c;
                }
                case "--reset" -> {
                    c.reset = true;
                    continue;
                }
                case "--no-request-log" -> {
                    c.builder.requestLog(false);
                    continue;
                }
                default -> {
                }
            }
            if (!VALUED.contains(flag)) {
                throw new IllegalArgumentException("unknown option " + flag);
            }
            if (i + 1 >= list.size()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = list.get(++i);
            switch (flag) {
                case "--host" -> {
                    c.host = value;
                    c.builder.host(value);
                }
                case "--port" -> {
                    c.port = number(flag, value);
                    c.builder.port(c.port);
                }
                case "--data" -> {
                    Path file = Path.of(value);
                    if (!Files.isReadable(file)) {
                        throw new IllegalArgumentException("--data: cannot read " + value);
                    }
                    c.builder.data(file);
                }
                case "--token" -> {
                    c.builder.token(value);
                    c.token = c.token == null ? value : c.token;
                }
                case "--log-file" -> c.logFile = Path.of(value);
                case "--log-file-size" -> c.logFileMegabytes = positive(flag, value);
                case "--header-timeout" -> c.builder.headerTimeout(Duration.ofSeconds(positive(flag, value)));
                case "--idle-timeout" -> c.builder.idleTimeout(Duration.ofSeconds(positive(flag, value)));
                case "--max-connections" -> c.builder.maxConnections(positive(flag, value));
                default -> throw new IllegalStateException(flag);
            }
        }
        return c;
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, not " + value);
        }
    }

    private static int positive(String flag, String value) {
        int n = number(flag, value);
        if (n < 1) {
            throw new IllegalArgumentException(flag + " needs a positive number, not " + value);
        }
        return n;
    }

    /**
     * One line per record (time, level when not INFO, message) to stderr or a rolling file, written
     * by a background thread so that a request never waits for the terminal.
     */
    static Handler configureLogging(Command command) throws IOException {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        Handler target;
        if (command.logFile != null) {
            Path parent = command.logFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            target = new RollingFileHandler(command.logFile, command.logFileMegabytes * 1024L * 1024L, 4);
        } else {
            target = new StreamLogHandler(new java.io.FileOutputStream(java.io.FileDescriptor.err));
        }
        target.setFormatter(new LineFormatter());
        Handler handler = new AsyncHandler(target);
        root.addHandler(handler);
        // Known-harmless noise: Hibernate Validator prints its version (null in a shaded jar).
        quiet("org.hibernate.validator.internal.util.Version", Level.SEVERE);
        return handler;
    }

    private static void quiet(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        CONFIGURED.add(logger);
    }
}
