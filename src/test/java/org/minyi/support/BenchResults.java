package org.minyi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The benchmarks' one result file, {@code target/bench/results.json}: every figure of one
 * run (one test JVM: {@code mvn -Pbench verify}) with its baseline, ratio and target,
 * merged by name so that the benchmark classes can run in any order; a file of an earlier
 * run is replaced. Also writes {@code target/bench/results.md}, the table the README's
 * "Performance" section shows.
 */
public final class BenchResults {

	private static final Path JSON = Path.of("target", "bench", "results.json");

	private static final Path TABLE = Path.of("target", "bench", "results.md");

	private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	/**
	 * One measured figure. {@code baseline} and {@code ratio} are null when the figure
	 * has none; {@code met} is null when the figure has no target.
	 */
	public record Figure(String group, String name, double value, String unit, String baselineName, Double baseline,
			Double ratio, String target, Boolean met, String note) {
	}

	private BenchResults() {
	}

	/**
	 * Latency percentiles of sorted-or-not nanosecond samples, in milliseconds: p50, p95,
	 * p99.
	 */
	public static double[] percentiles(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return new double[] { at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99) };
	}

	private static double at(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	/**
	 * Adds or replaces figures (by group and name), then rewrites the JSON file and the
	 * table.
	 */
	public static synchronized void record(String database, List<Figure> figures) {
		try {
			Files.createDirectories(JSON.getParent());
			String run = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()).toString();
			Map<String, Object> root = Files.exists(JSON) ? MAPPER.readValue(JSON.toFile(), Map.class)
					: new LinkedHashMap<>();
			if (!run.equals(root.get("run_started"))) {
				root = new LinkedHashMap<>();
				root.put("run_started", run);
			}
			Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
			if (root.get("figures") instanceof List<?> existing) {
				for (Object item : existing) {
					@SuppressWarnings("unchecked")
					Map<String, Object> figure = (Map<String, Object>) item;
					byKey.put(figure.get("group") + "|" + figure.get("name"), figure);
				}
			}
			for (Figure figure : figures) {
				Map<String, Object> map = MAPPER.convertValue(figure, Map.class);
				map.put("database", database);
				byKey.put(figure.group() + "|" + figure.name(), map);
			}
			root.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name")
					+ ", Java " + System.getProperty("java.version"));
			root.put("figures", new ArrayList<>(byKey.values()));
			root.put("all_targets_met", byKey.values().stream().noneMatch((f) -> Boolean.FALSE.equals(f.get("met"))));
			MAPPER.writeValue(JSON.toFile(), root);
			Files.writeString(TABLE, table(byKey.values()));
			System.out.println();
			System.out.println(table(byKey.values()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String table(Iterable<Map<String, Object>> figures) {
		StringBuilder out = new StringBuilder(
				"| group | figure | value | baseline | ratio | target | met |\n|---|---|---:|---|---:|---|---|\n");
		for (Map<String, Object> f : figures) {
			out.append("| ")
				.append(f.get("group"))
				.append(" | ")
				.append(f.get("name"))
				.append(" | ")
				.append(number(f.get("value")))
				.append(' ')
				.append(f.get("unit"))
				.append(" | ")
				.append((f.get("baseline") == null) ? "" : f.get("baselineName") + ": " + number(f.get("baseline")))
				.append(" | ")
				.append((f.get("ratio") == null) ? "" : ratio(((Number) f.get("ratio")).doubleValue()))
				.append(" | ")
				.append((f.get("target") == null) ? "" : f.get("target"))
				.append(" | ")
				.append((f.get("met") == null) ? "" : (Boolean.TRUE.equals(f.get("met")) ? "yes" : "**no**"))
				.append(" |\n");
		}
		return out.toString();
	}

	/** Two significant digits, so that 0.0012 does not show as 0.00. */
	private static String ratio(double value) {
		return (value >= 0.1) ? String.format("%.2f", value)
				: new java.math.BigDecimal(value).round(new java.math.MathContext(2)).toPlainString();
	}

	private static String number(Object value) {
		double v = ((Number) value).doubleValue();
		return (v >= 100) ? String.format("%.0f", v) : String.format("%.1f", v);
	}

}
