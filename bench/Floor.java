import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor of the benchmark: the least an HTTP server can do on this machine. It answers every
 * request on a connection (whatever it asks) with the same bytes, read from a file, without
 * parsing anything but the blank line that ends a head; one thread per connection, blocking I/O.
 * Its requests/s at one connection is the most that loopback, the scheduler and wrk allow; no
 * real server reaches it.
 *
 * <pre>
 * java bench/Floor.java PORT BODY_FILE CONTENT_TYPE
 * </pre>
 */
public final class Floor {
    private Floor() {
    }

    /**
     * Serves until killed.
     *
     * @param args port, body file, content type
     * @throws IOException when the port cannot be bound or the file read
     */
    public static void main(String[] args) throws IOException {
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: " + args[2] + "\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] answer = new byte[head.length + body.length];
        System.arraycopy(head, 0, answer, 0, head.length);
        System.arraycopy(body, 0, answer, head.length, body.length);
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 256, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(s, answer));
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private static void serve(Socket s, byte[] answer) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[16384];
            int state = 0; // how much of CR LF CR LF has been seen
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    state = b == '\r' ? (state == 2 ? 3 : 1) : b == '\n' && (state == 1 || state == 3) ? state + 1 : 0;
                    if (state == 4) {
                        out.write(answer);
                        state = 0;
                    }
                }
            }
        } catch (IOException e) {
            // the client went away: nothing to do
        }
    }
}
