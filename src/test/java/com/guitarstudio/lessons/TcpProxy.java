package com.guitarstudio.lessons;

import com.guitarstudio.lessons.config.DatabaseConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP port in front of another, for a database that becomes unreachable and comes back: {@link
 * #cut()} closes the port and every connection through it (what a network failure does to the
 * service), {@link #restore()} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    /** A proxy in front of {@code database}'s server. */
    public static TcpProxy before(DatabaseConnection database) {
        String hostAndPort = hostAndPort(database);
        int colon = hostAndPort.lastIndexOf(':');
        return new TcpProxy(
                colon < 0 ? hostAndPort : hostAndPort.substring(0, colon),
                colon < 0 ? 5432 : Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    /** {@code database}, reached through this proxy. */
    public DatabaseConnection reaching(DatabaseConnection database) {
        String address = database.jdbcUrl().substring("jdbc:postgresql://".length());
        return new DatabaseConnection(
                "jdbc:postgresql://127.0.0.1:" + port + address.substring(address.indexOf('/')),
                database.username(),
                database.password());
    }

    private static String hostAndPort(DatabaseConnection database) {
        String address = database.jdbcUrl().substring("jdbc:postgresql://".length());
        return address.substring(0, address.indexOf('/'));
    }

    public int port() {
        return port;
    }

    /** Nothing listens on the port any more, and every connection through it is dropped. */
    public void cut() {
        closeQuietly(server);
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    /** The port answers again. */
    public void restore() {
        server = listen(port);
        accept(server);
    }

    @Override
    public void close() {
        cut();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket listening) {
        Thread acceptor = new Thread(
                () -> {
                    while (!listening.isClosed()) {
                        try {
                            Socket client = listening.accept();
                            Socket target = new Socket(targetHost, targetPort);
                            sockets.add(client);
                            sockets.add(target);
                            pipe(client, target);
                            pipe(target, client);
                        } catch (IOException e) {
                            // closed by cut(), or the target refused: the client sees its connection end
                        }
                    }
                },
                "tcp-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void pipe(Socket from, Socket to) {
        Thread copier = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException e) {
                        // one side closed
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "tcp-proxy-pipe");
        copier.setDaemon(true);
        copier.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
