package io.codeartscheck.emulator;

import org.junit.jupiter.api.Test;
import java.net.Socket;

class ScratchTest {
    @Test
    void show() throws Exception {
        try (Emulator e = Emulator.builder().port(0).start(); Socket s = new Socket("127.0.0.1", e.uri().getPort())) {
            s.setSoTimeout(2000);
            s.getOutputStream().write(RawSocketTest.ascii("GET /v1/tasks/x/taskcron HTTP/1.1\r\nHost: x\r\n\r\nGET /v4/task/aexxxx86/code-health-svg HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\n\r\nPOST /v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/stop HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\n\r\n"));
            System.out.println("RAW>>>" + RawSocketTest.readToEnd(s.getInputStream()) + "<<<");
        }
    }
}
