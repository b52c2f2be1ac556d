package org.minyi.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.minyi.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A fresh PostgreSQL database for one reliability test, on the test run's server (the
 * embedded one, or {@code MINYI_TEST_PG_URL} whose user may create databases), and the
 * checks that read it directly.
 */
final class ReliabilityDatabase {

	private final Map<String, String> properties;

	private final JdbcTemplate jdbc;

	private ReliabilityDatabase(Map<String, String> properties) {
		this.properties = properties;
		SingleConnectionDataSource source = new SingleConnectionDataSource(properties.get("spring.datasource.url"),
				properties.get("spring.datasource.username"), properties.get("spring.datasource.password"), true);
		this.jdbc = new JdbcTemplate(source);
	}

	/** Creates database {@code name} (dropping a leftover of an earlier run). */
	static ReliabilityDatabase create(String name) {
		Map<String, String> server = TestDatabase.postgres();
		String url = server.get("spring.datasource.url");
		try (Connection connection = DriverManager.getConnection(url, server.get("spring.datasource.username"),
				server.get("spring.datasource.password"))) {
			connection.createStatement().execute("DROP DATABASE IF EXISTS " + name);
			connection.createStatement().execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name + " on " + url, ex);
		}
		Map<String, String> properties = new HashMap<>(server);
		properties.put("spring.datasource.url", url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name));
		return new ReliabilityDatabase(properties);
	}

	Map<String, String> properties() {
		return this.properties;
	}

	JdbcTemplate jdbc() {
		return this.jdbc;
	}

	long count(String sql, Object... args) {
		Long count = this.jdbc.queryForObject(sql, Long.class, args);
		return (count == null) ? 0 : count;
	}

	/**
	 * Registration numbers ({@code 2026-0042}): unique, and per year exactly 1..n.
	 * Returns the problems.
	 */
	List<String> registrationNumberGaps() {
		Map<String, List<Integer>> byYear = new TreeMap<>();
		this.jdbc
			.queryForList("SELECT registration_number FROM minyi_piece WHERE registration_number IS NOT NULL",
					String.class)
			.forEach((number) -> byYear.computeIfAbsent(number.substring(0, 4), (year) -> new ArrayList<>())
				.add(Integer.parseInt(number.substring(5))));
		return gaps(byYear, "registration");
	}

	/** Bulletin issue numbers: per publication and year exactly 1..n. */
	List<String> issueNumberGaps() {
		Map<String, List<Integer>> byKey = new TreeMap<>();
		this.jdbc.queryForList("SELECT publication_code, issue_year, issue_number FROM minyi_bulletin_issue")
			.forEach((row) -> byKey
				.computeIfAbsent(row.get("publication_code") + "/" + row.get("issue_year"), (key) -> new ArrayList<>())
				.add(((Number) row.get("issue_number")).intValue()));
		return gaps(byKey, "issue");
	}

	private static List<String> gaps(Map<String, List<Integer>> numbers, String what) {
		List<String> problems = new ArrayList<>();
		numbers.forEach((key, values) -> {
			values.sort(null);
			for (int i = 0; i < values.size(); i++) {
				if (values.get(i) != i + 1) {
					problems.add(what + " " + key + ": expected " + (i + 1) + " but found " + values.get(i));
					return;
				}
			}
		});
		return problems;
	}

	/**
	 * Every piece's status against where its process instances are, read in one snapshot:
	 * an active piece has exactly the user task its status says, or waits for a message,
	 * a timer or a condition; none is left without a way forward. Returns the problems,
	 * one line per piece.
	 */
	List<String> inconsistentPieces() {
		return this.jdbc.execute((Connection connection) -> {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			try {
				return inconsistentPiecesInSnapshot();
			}
			finally {
				connection.rollback();
				connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
				connection.setAutoCommit(autoCommit);
			}
		});
	}

	private List<String> inconsistentPiecesInSnapshot() {
		Map<String, List<String>> tasks = new HashMap<>();
		this.jdbc.queryForList("SELECT proc_inst_id_, task_def_key_ FROM act_ru_task")
			.forEach((row) -> tasks.computeIfAbsent((String) row.get("proc_inst_id_"), (id) -> new ArrayList<>())
				.add((String) row.get("task_def_key_")));
		Map<String, List<String>> jobs = new HashMap<>();
		this.jdbc
			.queryForList(
					"SELECT process_instance_id_, handler_type_ FROM act_ru_job WHERE process_instance_id_ IS NOT NULL")
			.forEach((row) -> jobs.computeIfAbsent((String) row.get("process_instance_id_"), (id) -> new ArrayList<>())
				.add((String) row.get("handler_type_")));
		Map<String, List<String>> waits = new HashMap<>();
		// The event subprocess for leader instructions listens all life long: not a way
		// forward.
		this.jdbc
			.queryForList("SELECT proc_inst_id_, event_type_, event_name_ FROM act_ru_event_subscr "
					+ "WHERE event_name_ IS NULL OR event_name_ <> 'LeaderInstruction'")
			.forEach((row) -> waits.computeIfAbsent((String) row.get("proc_inst_id_"), (id) -> new ArrayList<>())
				.add(row.get("event_type_") + ":" + row.get("event_name_")));
		Map<String, List<String>> instancesByKey = new HashMap<>();
		List<String> rootInstances = new ArrayList<>();
		this.jdbc.queryForList("SELECT id_, business_key_ FROM act_ru_execution WHERE id_ = proc_inst_id_")
			.forEach((row) -> {
				rootInstances.add((String) row.get("id_"));
				if (row.get("business_key_") != null) {
					instancesByKey.computeIfAbsent((String) row.get("business_key_"), (key) -> new ArrayList<>())
						.add((String) row.get("id_"));
				}
			});
		List<String> problems = new ArrayList<>();
		for (Map<String, Object> piece : this.jdbc
			.queryForList("SELECT id, registration_number, status, process_instance_id FROM minyi_piece ORDER BY id")) {
			String status = (String) piece.get("status");
			List<String> instances = new ArrayList<>();
			if (rootInstances.contains(piece.get("process_instance_id"))) {
				instances.add((String) piece.get("process_instance_id"));
			}
			instances.addAll(instancesByKey.getOrDefault((String) piece.get("registration_number"), List.of()));
			instances = instances.stream().distinct().toList();
			List<String> open = new ArrayList<>();
			List<String> timers = new ArrayList<>();
			List<String> waiting = new ArrayList<>();
			for (String instance : instances) {
				open.addAll(tasks.getOrDefault(instance, List.of()));
				timers.addAll(jobs.getOrDefault(instance, List.of()));
				waiting.addAll(waits.getOrDefault(instance, List.of()));
			}
			String expected = switch (status) {
				case "SUBMITTED" -> "task_register";
				case "EDITING" -> "task_edit";
				case "SIGNING_OFF" -> "task_signoff";
				case "PUBLISHED" -> "task_dispatch";
				default -> null;
			};
			String problem = null;
			if ("ARCHIVED".equals(status)) {
				problem = instances.isEmpty() ? null : "archived but instances " + instances + " still run";
			}
			else if (instances.isEmpty()) {
				problem = "no running process instance";
			}
			else if (expected != null) {
				problem = (open.size() == 1 && open.get(0).startsWith(expected)) ? null : "tasks " + open;
			}
			else if ("SIGNED_OFF".equals(status)) {
				problem = (open.isEmpty() && waiting.contains("message:PiecePublished")) ? null
						: "tasks " + open + ", waits " + waiting;
			}
			else if ("DISPATCHED".equals(status)) {
				boolean answering = open.equals(List.of("task_record_answer")) && timers.contains("timer-transition");
				boolean windowOrClosing = open.isEmpty() && (!timers.isEmpty() || !waiting.isEmpty());
				problem = (answering || windowOrClosing) ? null
						: "tasks " + open + ", jobs " + timers + ", waits " + waiting;
			}
			else {
				problem = "unexpected status";
			}
			if (problem != null) {
				problems.add("piece " + piece.get("id") + " " + piece.get("registration_number") + " " + status + ": "
						+ problem);
			}
		}
		return problems;
	}

	void close() {
		((SingleConnectionDataSource) this.jdbc.getDataSource()).destroy();
	}

}
