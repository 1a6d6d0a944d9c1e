package se.halsolage.kolada;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A misbehaving Kolada on 127.0.0.1, on a raw socket so it can send what no well-behaved server would:
 * redirects, next_url to other hosts, bodies that trickle or never end, bytes that are not UTF-8. It
 * records every connection it accepts (and the request line and Host header), so a test can prove which
 * servers a client contacted. A second instance serves as "another host" that must never be contacted.
 */
final class HostileKoladaServer implements AutoCloseable {
    /** Writes one whole HTTP response (status line, headers, body) for a request path. */
    @FunctionalInterface
    interface Response {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    record Connection(String remote, String requestLine, String host) {
    }

    private final ServerSocket socket;
    private final List<Connection> connections = new ArrayList<>();
    private final AtomicLong bytesWritten = new AtomicLong();
    private volatile Function<String, Response> handler;
    private final Thread acceptor;

    HostileKoladaServer(Function<String, Response> handler) throws IOException {
        this.handler = handler;
        this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.acceptor = new Thread(this::accept, "hostile-kolada-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v3";
    }

    void handler(Function<String, Response> h) {
        this.handler = h;
    }

    synchronized List<Connection> connections() {
        return List.copyOf(connections);
    }

    long bytesWritten() {
        return bytesWritten.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            Socket s;
            try {
                s = socket.accept();
            } catch (IOException e) {
                return;
            }
            Thread t = new Thread(() -> serve(s), "hostile-kolada-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket s) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            String host = null;
            for (String h; (h = in.readLine()) != null && !h.isEmpty(); ) {
                if (h.regionMatches(true, 0, "Host:", 0, 5)) host = h.substring(5).strip();
            }
            synchronized (this) {
                connections.add(new Connection(s.getRemoteSocketAddress().toString(), requestLine, host));
            }
            if (requestLine == null) return;
            String path = requestLine.split(" ")[1];
            OutputStream raw = s.getOutputStream();
            OutputStream counted = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    raw.write(b);
                    bytesWritten.incrementAndGet();
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    raw.write(b, off, len);
                    bytesWritten.addAndGet(len);
                }

                @Override
                public void flush() throws IOException {
                    raw.flush();
                }
            };
            handler.apply(path).write(counted);
            counted.flush();
        } catch (IOException | InterruptedException e) {
            // the client hung up (as it should for a slow or endless body)
        }
    }

    // ---------------------------------------------------------------- responses

    static Response json(String body) {
        return bytes(200, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    static Response bytes(int status, String type, byte[] body) {
        return out -> {
            out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
        };
    }

    static Response redirect(int status, String location) {
        return out -> out.write(("HTTP/1.1 " + status + " Moved\r\nLocation: " + location
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Declares {@code length} bytes, then sends one byte every {@code gapMillis} (a body that takes forever). */
    static Response trickle(long length, long gapMillis) {
        return out -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n{\"values\":[").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            for (long i = 0; i < length; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(gapMillis);
            }
        };
    }

    /** A chunked body without a declared length that never ends, as fast as the client takes it. */
    static Response endless() {
        return out -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[65536];
            java.util.Arrays.fill(chunk, (byte) ' ');
            byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            while (true) {
                out.write(head);
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
        };
    }

    /** Declares a body of {@code length} bytes and then sends spaces (without ever finishing, if it is big). */
    static Response declared(long length) {
        return out -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[65536];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (long sent = 0; sent < length; sent += chunk.length) out.write(chunk, 0, (int) Math.min(chunk.length, length - sent));
        };
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
