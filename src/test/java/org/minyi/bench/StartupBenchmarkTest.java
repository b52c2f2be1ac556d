package org.minyi.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minyi.support.BenchResults;
import org.minyi.support.BenchResults.Figure;
import org.minyi.support.HeapMeter;
import org.minyi.support.TestDatabase;

/**
 * Start-up of the packaged jar as an operator starts it ({@code java -jar}, no JVM
 * options), each run on a fresh database: an H2 file database in a temporary directory,
 * and a new database on the test PostgreSQL server. Measures from process start to
 * {@code /actuator/health} answering UP, three runs each (median), and the heap of the
 * started application after a full GC. The jar is built by the {@code package} phase,
 * which the {@code bench} profile runs before the benchmarks. Run:
 * {@code mvn -Pbench verify}.
 */
@Tag("benchmark")
class StartupBenchmarkTest {

	private static final int RUNS = 3;

	private static final Pattern STARTED = Pattern.compile("Started MinyiApplication in ([0-9.]+) seconds");

	private static final Duration LIMIT = Duration.ofMinutes(2);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	/**
	 * One start: seconds to health UP, Spring's own "Started ... in" seconds, and heap
	 * after GC (MB).
	 */
	private record Start(double seconds, double springSeconds, double heapMb) {
	}

	@Test
	void packagedJarStartsOnFreshH2AndPostgresDatabases() throws Exception {
		// Both databases are measured here, so once per build: in the PostgreSQL
		// execution.
		assumeTrue(TestDatabase.isPostgres(), "measured once, in the PostgreSQL execution");
		Path jar = jar();
		List<Start> h2 = new ArrayList<>();
		List<Start> postgres = new ArrayList<>();
		for (int run = 1; run <= RUNS; run++) {
			h2.add(startOnH2(jar, run, run == RUNS));
			postgres.add(startOnPostgres(jar, run, run == RUNS));
		}
		double h2Median = median(h2.stream().mapToDouble(Start::seconds).toArray());
		double pgMedian = median(postgres.stream().mapToDouble(Start::seconds).toArray());
		double h2Heap = h2.get(RUNS - 1).heapMb();
		double pgHeap = postgres.get(RUNS - 1).heapMb();
		BenchResults.record(TestDatabase.name(), List.of(
				new Figure("start-up", "packaged jar to health UP, fresh H2 file database", h2Median, "s", null, null,
						null, "< 20 s", h2Median < 20, describe(h2)),
				new Figure("start-up", "packaged jar to health UP, fresh PostgreSQL database", pgMedian, "s",
						"the same on H2", h2Median, pgMedian / h2Median, "< 20 s", pgMedian < 20, describe(postgres)),
				new Figure("memory", "packaged application heap after start-up, full GC (PostgreSQL)", pgHeap, "MB",
						"the same on H2 (demo data)", h2Heap, pgHeap / h2Heap, null, null,
						"java -jar without options; jcmd GC.run, then /actuator/metrics/jvm.memory.used?tag=area:heap")));
		assertThat(h2Median).isPositive();
		assertThat(pgMedian).isPositive();
	}

	private Start startOnH2(Path jar, int run, boolean measureHeap) throws Exception {
		Path dir = Files.createTempDirectory("minyi-startup-h2");
		try {
			String url = "jdbc:h2:file:" + dir.resolve("minyi").toAbsolutePath()
					+ ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
			return start(jar, "h2-" + run, dir, List.of("--spring.datasource.url=" + url), Map.of(), measureHeap);
		}
		finally {
			deleteRecursively(dir);
		}
	}

	private Start startOnPostgres(Path jar, int run, boolean measureHeap) throws Exception {
		Map<String, String> server = TestDatabase.postgres();
		Matcher url = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)")
			.matcher(server.get("spring.datasource.url"));
		assertThat(url.matches()).as("PostgreSQL URL").isTrue();
		String database = "minyi_startup_" + run;
		String user = server.get("spring.datasource.username");
		String password = server.get("spring.datasource.password");
		admin(server, "DROP DATABASE IF EXISTS " + database);
		admin(server, "CREATE DATABASE " + database);
		Path dir = Files.createTempDirectory("minyi-startup-pg");
		try {
			Map<String, String> env = new HashMap<>();
			env.put("SPRING_DATASOURCE_URL", url.group(1) + database + url.group(3));
			env.put("SPRING_DATASOURCE_USERNAME", user);
			env.put("SPRING_DATASOURCE_PASSWORD", password);
			env.put("MINYI_ADMIN_PASSWORD", "Bench-" + UUID.randomUUID());
			return start(jar, "postgres-" + run, dir, List.of("--spring.profiles.active=postgres"), env, measureHeap);
		}
		finally {
			deleteRecursively(dir);
			admin(server, "DROP DATABASE IF EXISTS " + database);
		}
	}

	/**
	 * Starts the jar, waits for health UP, optionally measures the heap, and stops it
	 * gracefully.
	 */
	private Start start(Path jar, String name, Path workDir, List<String> arguments, Map<String, String> env,
			boolean measureHeap) throws Exception {
		int port = freePort();
		Path log = Path.of("target", "bench", "startup-" + name + ".log").toAbsolutePath();
		Files.createDirectories(log.getParent());
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
						jar.toAbsolutePath().toString(), "--server.port=" + port));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(env);
		String base = "http://localhost:" + port;
		long begin = System.nanoTime();
		Process process = builder.start();
		try {
			awaitHealthy(process, base, log);
			double seconds = (System.nanoTime() - begin) / 1e9;
			Matcher started = STARTED.matcher(Files.readString(log));
			double spring = started.find() ? Double.parseDouble(started.group(1)) : Double.NaN;
			double heap = measureHeap ? HeapMeter.usedAfterFullGcMb(process.pid(), base) : Double.NaN;
			System.out.printf("start-up %s: %.1f s to health UP (Spring: %.1f s)%n", name, seconds, spring);
			return new Start(seconds, spring, heap);
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	private void awaitHealthy(Process process, String base, Path log) throws Exception {
		HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new AssertionError("The application exited with " + process.exitValue() + ":\n" + tail(log));
			}
			try {
				HttpResponse<String> response = this.http.send(health, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (ConnectException | HttpTimeoutException ex) {
				// Not listening yet.
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No health UP within " + LIMIT + ":\n" + tail(log));
	}

	private static String describe(List<Start> starts) {
		double[] spring = starts.stream().mapToDouble(Start::springSeconds).toArray();
		return "median of %d runs %s s; Spring's \"Started MinyiApplication in\" median %.1f s; java -jar without JVM options"
			.formatted(starts.size(),
					Arrays.toString(starts.stream().mapToDouble((s) -> Math.round(s.seconds() * 10) / 10.0).toArray()),
					median(spring));
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** The Spring Boot jar that {@code package} built (not the plain classes jar). */
	private static Path jar() throws IOException {
		try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "minyi-*.jar")) {
			for (Path jar : jars) {
				if (!jar.getFileName().toString().endsWith("-plain.jar")) {
					return jar;
				}
			}
		}
		throw new AssertionError(
				"No target/minyi-*.jar: run the benchmarks with mvn -Pbench verify, which packages first");
	}

	private static void admin(Map<String, String> server, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server.get("spring.datasource.url"),
				server.get("spring.datasource.username"), server.get("spring.datasource.password"));
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		try (var paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
