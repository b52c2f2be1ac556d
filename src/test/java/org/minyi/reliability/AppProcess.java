package org.minyi.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged application ({@code target/minyi-*.jar}) as a separate JVM on PostgreSQL,
 * started with the job executor on, as an operator would run it. {@link #kill()} is
 * SIGKILL on that JVM itself.
 */
final class AppProcess {

	static final String ADMIN_PASSWORD = "Rel-Admin-Pw-7391";

	/**
	 * The demo users' password: strong, so a password policy in PostgreSQL mode accepts
	 * it too.
	 */
	static final String USER_PASSWORD = "Rel-Demo-Pw-4826";

	private static final Path JAR = Path.of("target", "minyi-0.1.0-SNAPSHOT.jar");

	private final String name;

	private final int port;

	private final List<String> arguments;

	private Process process;

	private int starts;

	/**
	 * @param name the node's name: log file {@code target/reliability/<name>-<n>.log} and
	 * the engine's host name in its job log
	 * @param database JDBC URL, user and password of the shared database
	 * @param mailPort the SMTP port of the test's mail server
	 * @param extra further {@code --property=value} arguments
	 */
	AppProcess(String name, Map<String, String> database, int mailPort, List<String> extra) {
		this.name = name;
		this.port = freePort();
		this.arguments = new ArrayList<>(List.of("--server.port=" + this.port, "--spring.profiles.active=postgres",
				"--spring.datasource.url=" + database.get("spring.datasource.url"),
				"--spring.datasource.username=" + database.get("spring.datasource.username"),
				"--spring.datasource.password=" + database.get("spring.datasource.password"),
				"--minyi.admin.password=" + ADMIN_PASSWORD, "--minyi.demo-data.enabled=true",
				"--minyi.demo-data.password=" + USER_PASSWORD, "--minyi.demo-data.sample-pieces=false",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mailPort,
				"--spring.mail.properties.mail.smtp.connectiontimeout=2000",
				"--spring.mail.properties.mail.smtp.timeout=5000",
				"--minyi.notification.base-url=http://localhost:" + this.port,
				"--camunda.bpm.job-execution.enabled=true",
				"--camunda.bpm.generic-properties.properties.hostname=" + name, "--logging.level.root=WARN",
				"--logging.level.org.springframework.boot.web.embedded.tomcat=INFO"));
		this.arguments.addAll(extra);
	}

	int port() {
		return this.port;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Starts the JVM and waits until {@code /actuator/health} is UP. */
	void start(Duration timeout) {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR + " is missing: the reliability tests run after 'mvn package'");
		}
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(List.of("-Xmx512m", "-Dfile.encoding=UTF-8", "-jar", JAR.toString()));
		command.addAll(this.arguments);
		try {
			Path logs = Files.createDirectories(Path.of("target", "reliability"));
			File log = logs.resolve(this.name + "-" + (++this.starts) + ".log").toFile();
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(log))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		awaitHealthy(timeout);
	}

	private void awaitHealthy(Duration timeout) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
						+ " during start-up; see target/reliability/" + this.name + "-" + this.starts + ".log");
			}
			try {
				HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200 && answer.body().contains("UP")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(500);
		}
		throw new IllegalStateException(this.name + " not healthy within " + timeout);
	}

	/** SIGKILL: no shutdown hook, no transaction finished, no lock released. */
	void kill() {
		this.process.destroyForcibly();
		waitFor();
	}

	/** A normal shutdown (SIGTERM), at the end of a test. */
	void stop() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			waitFor();
		}
	}

	private void waitFor() {
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
