package org.minyi.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Heap in use after a full garbage collection, in MB: of this JVM (the test application),
 * or of a separately started application process (full GC by {@code jcmd <pid> GC.run},
 * then the heap from its {@code /actuator/metrics/jvm.memory.used?tag=area:heap}).
 */
public final class HeapMeter {

	private static final double MB = 1024.0 * 1024.0;

	private HeapMeter() {
	}

	/**
	 * This JVM's heap after full collections: {@code System.gc()} until the used heap
	 * stops shrinking (at most five times), so that objects freed by finalisation or
	 * reference processing are gone too.
	 */
	public static double usedAfterFullGcMb() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			long now = memory.getHeapMemoryUsage().getUsed();
			if (now >= used - MB) {
				return now / MB;
			}
			used = now;
		}
		return used / MB;
	}

	/**
	 * The heap of the application process {@code pid} answering at {@code baseUrl}, after
	 * a full GC.
	 */
	public static double usedAfterFullGcMb(long pid, String baseUrl) {
		try {
			for (int i = 0; i < 2; i++) {
				Process gc = new ProcessBuilder(jcmd(), String.valueOf(pid), "GC.run").redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				if (gc.waitFor() != 0) {
					throw new IllegalStateException("jcmd " + pid + " GC.run failed");
				}
			}
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(
						"Heap metric answered " + response.statusCode() + ": " + response.body());
			}
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> measurements = (List<Map<String, Object>>) new ObjectMapper()
				.readValue(response.body(), Map.class)
				.get("measurements");
			return ((Number) measurements.get(0).get("value")).doubleValue() / MB;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not measure the heap of process " + pid, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** jcmd of the JDK that runs the tests. */
	private static String jcmd() {
		Path sibling = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		return sibling.toFile().canExecute() ? sibling.toString() : "jcmd";
	}

}
