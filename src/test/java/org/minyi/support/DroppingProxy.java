package org.minyi.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback that forwards to a server but drops every n-th connection at
 * once: a mail server that fails now and then. It can also be cut off for a while, which
 * ends every open connection and drops every new one until it is restored: a database
 * that is briefly out of reach.
 */
public final class DroppingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final InetAddress targetHost;

	private final int targetPort;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger dropped = new AtomicInteger();

	public DroppingProxy(int listenPort, int targetPort, int dropEvery) {
		this(listenPort, InetAddress.getLoopbackAddress(), targetPort, dropEvery);
	}

	/** A proxy on a free port that drops nothing until it is {@linkplain #cut() cut}. */
	public DroppingProxy(InetAddress targetHost, int targetPort) {
		this(0, targetHost, targetPort, 0);
	}

	private DroppingProxy(int listenPort, InetAddress targetHost, int targetPort, int dropEvery) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		try {
			this.server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.threads.submit(() -> {
			while (!this.server.isClosed()) {
				Socket client;
				try {
					client = this.server.accept();
				}
				catch (IOException ex) {
					return;
				}
				int count = this.connections.incrementAndGet();
				if (this.cut || (dropEvery > 0 && count % dropEvery == 0)) {
					this.dropped.incrementAndGet();
					close(client);
					continue;
				}
				this.threads.submit(() -> forward(client));
			}
		});
	}

	public int port() {
		return this.server.getLocalPort();
	}

	public int dropped() {
		return this.dropped.get();
	}

	/** Ends every open connection and drops new ones until {@link #restore()}. */
	public void cut() {
		this.cut = true;
		this.open.forEach(DroppingProxy::close);
	}

	public void restore() {
		this.cut = false;
	}

	private void forward(Socket client) {
		this.open.add(client);
		try (client; Socket target = new Socket(this.targetHost, this.targetPort)) {
			this.open.add(target);
			try {
				if (this.cut) {
					// Cut while this connection was being made.
					return;
				}
				var upstream = this.threads.submit(() -> pipe(client.getInputStream(), target.getOutputStream()));
				pipe(target.getInputStream(), client.getOutputStream());
				upstream.cancel(true);
			}
			finally {
				this.open.remove(target);
			}
		}
		catch (IOException ex) {
			// The connection ended; the client sees it (a mail job is retried, a database
			// call fails).
		}
		finally {
			this.open.remove(client);
		}
	}

	private static Void pipe(InputStream in, OutputStream out) throws IOException {
		byte[] buffer = new byte[8192];
		int read;
		while ((read = in.read(buffer)) >= 0) {
			out.write(buffer, 0, read);
			out.flush();
		}
		return null;
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closed either way.
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		this.threads.shutdownNow();
	}

}
