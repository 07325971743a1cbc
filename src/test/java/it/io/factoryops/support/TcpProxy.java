package it.io.factoryops.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a loopback port that a fault test controls: it forwards to {@code upstream} until
 * {@link #cut} makes it fail like a lost database, and {@link #heal} makes it forward again. Plain
 * sockets and two daemon threads per connection; {@link #close} ends everything.
 */
public final class TcpProxy implements AutoCloseable {

    /** How a cut looks to the proxy's clients. */
    public enum Cut {
        /** Existing connections are closed; a new one is accepted and closed at once (the server is gone). */
        REFUSE,
        /**
         * Existing connections stay open but nothing passes any more, and new ones are accepted but never
         * answered (a network that drops everything): only the clients' own timeouts end their waits.
         */
        HANG
    }

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    /** Every socket the proxy holds, client and upstream sides; closed by a REFUSE cut, a heal or close. */
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    private volatile Cut cut;

    public TcpProxy(int port, String upstreamHost, int upstreamPort) throws IOException {
        this.upstream = new InetSocketAddress(upstreamHost, upstreamPort);
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread acceptor = new Thread(this::accept, "tcp-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on the upstream looks lost, in the given way. */
    public void cut(Cut how) {
        cut = how;
        if (how == Cut.REFUSE) {
            closeAll();
        }
    }

    /**
     * Forwards again. Connections held during a HANG are closed (what a client finds after a long partition:
     * the server gave up on them), so that nobody resumes a conversation the database no longer has.
     */
    public void heal() {
        Cut was = cut;
        cut = null;
        if (was == Cut.HANG) {
            closeAll();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        closeAll();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Cut now = cut;
            if (now == Cut.REFUSE) {
                quietly(client);
                continue;
            }
            sockets.add(client);
            if (now == Cut.HANG) {
                continue; // held open, never answered
            }
            Socket target = new Socket();
            try {
                target.connect(upstream, 5_000);
            } catch (IOException e) {
                quietly(client);
                continue;
            }
            sockets.add(target);
            pump(client, target);
            pump(target, client);
        }
    }

    /**
     * Copies {@code from} to {@code to} while the proxy forwards; during a HANG what arrives is dropped, during a
     * REFUSE the connection is closed.
     */
    private void pump(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n; (n = in.read(buffer)) >= 0; ) {
                            Cut now = cut;
                            if (now == Cut.REFUSE) {
                                return; // a connection made while the cut began, which closeAll did not see yet
                            }
                            if (now == null) {
                                out.write(buffer, 0, n);
                                out.flush();
                            }
                        }
                    } catch (IOException e) {
                        // one side closed: close the other
                    } finally {
                        quietly(from);
                        quietly(to);
                    }
                },
                "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void closeAll() {
        for (Socket s : Set.copyOf(sockets)) {
            quietly(s);
        }
    }

    private void quietly(Socket s) {
        sockets.remove(s);
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
