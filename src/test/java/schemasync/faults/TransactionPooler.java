package schemasync.faults;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A transaction-mode pooler reduced to what matters here, as PgBouncer with pool_mode=transaction
 * behaves: each client session is served by two server connections, both logged in up front with the
 * client's startup message (the test server trusts local connections), and a new transaction — a
 * Query or Parse message arriving while the server last said ReadyForQuery 'I' (idle, no transaction
 * open) — goes to the next of the two. Inside a transaction the session stays on one backend. The
 * client sees the first backend's login (its pid and cancel key). No SSL: it answers an SSLRequest 'N'.
 */
final class TransactionPooler implements AutoCloseable {
    private static final int SSL_REQUEST = 80877103;
    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    TransactionPooler(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "pooler-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread session = new Thread(() -> serve(client), "pooler-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    /** One client session over two backends. */
    private void serve(Socket client) {
        try {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream toClient = client.getOutputStream();
            byte[] startup = startupPacket(in);
            if (ByteBuffer.wrap(startup).getInt(4) == SSL_REQUEST) {
                toClient.write('N');
                toClient.flush();
                startup = startupPacket(in);
            }
            List<Backend> backends = new ArrayList<>();
            for (int i = 0; i < 2; i++) backends.add(new Backend(new Socket(InetAddress.getLoopbackAddress(), targetPort)));
            for (Backend b : backends) {
                sockets.add(b.socket);
                b.out.write(startup);
                b.out.flush();
            }
            // Log both in; only the first one's messages reach the client.
            for (Backend b : backends) {
                for (Message m; (m = Message.read(b.in)).type != 'Z'; ) {
                    if (m.type == 'E') throw new IOException("backend login failed");
                    if (b == backends.get(0)) m.writeTo(toClient);
                }
                if (b == backends.get(0)) new Message('Z', new byte[] {'I'}).writeTo(toClient);
            }
            toClient.flush();
            for (Backend b : backends) b.pumpTo(toClient);
            int current = 0;
            while (true) {
                Message m = Message.read(in);
                if ((m.type == 'Q' || m.type == 'P') && backends.get(current).idle) {
                    current = (current + 1) % backends.size(); // a new transaction: the next free backend
                }
                Backend b = backends.get(current);
                if (m.type == 'Q' || m.type == 'P' || m.type == 'S') b.idle = false;
                if (m.type == 'X') {
                    for (Backend each : backends) each.send(m);
                    break;
                }
                b.send(m);
            }
        } catch (IOException e) {
            // a side went away
        } finally {
            close(client);
        }
    }

    private static byte[] startupPacket(DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] packet = new byte[length];
        ByteBuffer.wrap(packet).putInt(length);
        in.readFully(packet, 4, length - 4);
        return packet;
    }

    private final class Backend {
        final Socket socket;
        final DataInputStream in;
        final OutputStream out;
        /** The last ReadyForQuery said 'I': no transaction is open on this backend. */
        volatile boolean idle = true;

        Backend(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        void send(Message m) throws IOException {
            m.writeTo(out);
            out.flush();
        }

        void pumpTo(OutputStream client) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        Message m = Message.read(in);
                        // Set before the client can see it and send the next statement.
                        if (m.type == 'Z') idle = m.body[0] == 'I';
                        synchronized (client) {
                            m.writeTo(client);
                            if (m.type == 'Z') client.flush();
                        }
                    }
                } catch (IOException e) {
                    close(socket);
                }
            }, "pooler-backend");
            t.setDaemon(true);
            t.start();
        }
    }

    private record Message(byte type, byte[] body) {
        Message(char type, byte[] body) {
            this((byte) type, body);
        }

        static Message read(DataInputStream in) throws IOException {
            byte type = in.readByte();
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            return new Message(type, body);
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(ByteBuffer.allocate(5 + body.length).put(type).putInt(4 + body.length).put(body).array());
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        close(server);
        for (Socket s : sockets) close(s);
    }

    private static void close(ServerSocket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
