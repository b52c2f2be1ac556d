package org.minyi.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback that forwards to a server but drops every n-th connection at once: a mail
 * server that fails now and then.
 */
public final class DroppingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger dropped = new AtomicInteger();

	public DroppingProxy(int listenPort, int targetPort, int dropEvery) {
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
				if (this.connections.incrementAndGet() % dropEvery == 0) {
					this.dropped.incrementAndGet();
					close(client);
					continue;
				}
				this.threads.submit(() -> forward(client, targetPort));
			}
		});
	}

	public int dropped() {
		return this.dropped.get();
	}

	private void forward(Socket client, int targetPort) {
		try (client; Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
			var upstream = this.threads.submit(() -> pipe(client.getInputStream(), target.getOutputStream()));
			pipe(target.getInputStream(), client.getOutputStream());
			upstream.cancel(true);
		}
		catch (IOException ex) {
			// The connection ended; the mail client sees it and the job is retried.
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
