package schemasync.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Ports that are not PostgreSQL: one answers like a web server, one hangs up at once. */
final class FakeServers implements AutoCloseable {
    enum Behaviour { HTTP, HANG_UP }

    private final List<ServerSocket> sockets = new ArrayList<>();

    int start(Behaviour behaviour) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        sockets.add(server);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    if (behaviour == Behaviour.HTTP) {
                        s.getInputStream().read(new byte[8]);
                        OutputStream out = s.getOutputStream();
                        out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                } catch (IOException e) {
                    // closed, or the client went away
                }
            }
        }, "fake-server-" + behaviour);
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (ServerSocket s : sockets) s.close();
    }
}
