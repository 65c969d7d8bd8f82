package org.qingfeng.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal blocking HTTP/1.1 client for the load tests: one kept-alive connection per calling thread, the request
 * written in one go, the answer read with Content-Length or chunked encoding. The clients share the JVM and the two
 * cores with the application under test; the JDK's asynchronous client spent about a seventh of the JVM's CPU during
 * the intake rounds on its own threads, which measured the client rather than the intake.
 */
final class KeepAliveHttp {

    record Response(int status, String body) {
    }

    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        boolean used;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = socket.getOutputStream();
        }
    }

    private final String host;
    private final int port;
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();

    KeepAliveHttp(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    /**
     * POSTs {@code body}. A kept-alive connection the server has closed meanwhile (idle time-out, restart) fails before
     * any byte of an answer; the request is then sent once more on a new connection. A failure on a new connection, or
     * after the answer began, is thrown (the server died under the request).
     */
    Response post(String path, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                .append(':').append(port).append("\r\nContent-Length: ").append(body.length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] request = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        while (true) {
            Connection c = connection();
            boolean reused = c.used;
            c.used = true;
            try {
                c.out.write(request);
                c.out.write(body);
                c.out.flush();
            } catch (IOException e) {
                close();
                if (reused) {
                    continue;
                }
                throw e;
            }
            try {
                return read(c);
            } catch (EOFException e) {
                close();
                if (!reused) {
                    throw e;
                }
            } catch (IOException e) {
                close();
                throw e;
            }
        }
    }

    private Connection connection() throws IOException {
        Connection c = connection.get();
        if (c == null || c.socket.isClosed()) {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            c = new Connection(socket);
            connection.set(c);
        }
        return c;
    }

    private void close() {
        Connection c = connection.get();
        connection.remove();
        if (c != null) {
            try {
                c.socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    /** Reads one answer; EOFException when the connection ends before its first byte. */
    private Response read(Connection c) throws IOException {
        String statusLine = line(c.in, true);
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String header = line(c.in, false); !header.isEmpty(); header = line(c.in, false)) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line(c.in, false).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(c.in, false).split(";")[0].trim(), 16)) {
                body.write(c.in.readNBytes(size));
                line(c.in, false);
            }
            while (!line(c.in, false).isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            body.write(c.in.readNBytes((int) length));
        } else {
            body.write(c.in.readAllBytes());
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in, boolean first) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                if (first && line.size() == 0) {
                    throw new EOFException("connection closed before the answer");
                }
                throw new IOException("connection closed in the middle of the answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
