package org.minyi.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Loads a backlog in bulk on PostgreSQL by cloning template pieces that went through the
 * real engine and application: every row the engine and the application wrote for a
 * template (history, runtime state, authorizations, the application's tables) is copied
 * {@code n} times inside the database with
 * {@code INSERT ... SELECT ... CROSS JOIN generate_series}, so the data has exactly their
 * shape.
 * <ul>
 * <li>engine ids (the {@code ID_} of every copied row) end in {@code g} and {@code n} in
 * six hex digits instead of their last seven characters, which for the engine's
 * time-based UUIDs are the same node id in every id;</li>
 * <li>the application's numeric ids (and process variables named {@code ...Id}) move by
 * {@code n * 10^7};</li>
 * <li>the registration number becomes {@code B<n>-<number>} and the submitter one of
 * 2,000 bench members ({@code bm0} .. {@code bm1999});</li>
 * <li>every timestamp and date moves back by {@code n * step}.</li>
 * </ul>
 * A template is read once ({@link #plan}); its copies then go in ranges of copy numbers,
 * one transaction each, so that several connections share a large load ({@link #copy}),
 * except into the tables no foreign key references: each of those is emptied and loaded
 * whole in one transaction, which PostgreSQL writes without WAL at
 * {@code wal_level = minimal} ({@link #reload}).
 */
final class BacklogLoader {

	static final long ID_STRIDE = 10_000_000L;

	static final int BENCH_MEMBERS = 2000;

	/**
	 * Copied first, in this order, for the engine's foreign keys; the rest follow in any
	 * order.
	 */
	private static final List<String> FIRST = List.of("act_ge_bytearray", "act_ru_execution", "act_ru_task");

	/**
	 * Engine tables that hold definitions, identities or configuration, not instances.
	 */
	private static final Set<String> NOT_INSTANCE_DATA = Set.of("act_ge_property", "act_ge_schema_log", "act_ru_jobdef",
			"act_ru_meter_log", "act_ru_task_meter_log", "act_ru_filter", "act_ru_batch", "act_hi_batch", "act_id_user",
			"act_id_group", "act_id_membership", "act_id_tenant", "act_id_tenant_member", "act_id_info");

	/**
	 * The columns a template's rows are found by (see {@link #engineSelections},
	 * {@link #applicationSelections}).
	 */
	private static final Set<String> FINDING_COLUMNS = Set.of("root_proc_inst_id_", "proc_inst_id_",
			"process_instance_id_", "task_id_", "resource_id_", "piece_id", "notification_id", "fact_id");

	private static final Pattern INDEXED_TABLE = Pattern.compile(" ON (?:\\w+\\.)?(\\w+) USING ");

	private static final Pattern LEADING_COLUMN = Pattern.compile("USING \\w+ \\(\"?(\\w+)");

	private final DataSource dataSource;

	BacklogLoader(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * One template piece: its process instance, its row id, registration number and
	 * submitter.
	 */
	record Template(String processInstanceId, long pieceId, String registrationNumber, String submitterId) {
	}

	/**
	 * Drops the secondary indexes of the engine's instance tables and the application's
	 * tables, to be built again by {@link #createIndexes} once the copies are in: one
	 * sorted build per index is much faster than millions of inserts into each. Unique
	 * indexes, those of constraints and those the loader finds a template's rows by stay.
	 * Returns the definitions of the dropped ones.
	 */
	List<String> dropSecondaryIndexes() throws SQLException {
		List<String[]> indexes = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection(); var statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("""
					SELECT i.indexname, i.indexdef FROM pg_indexes i
					WHERE i.schemaname = current_schema()
					  AND (i.tablename LIKE 'act\\_hi\\_%' OR i.tablename LIKE 'act\\_ru\\_%'
					       OR i.tablename = 'act_ge_bytearray' OR i.tablename LIKE 'minyi\\_%')
					  AND i.indexdef NOT LIKE 'CREATE UNIQUE%'
					  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)""")) {
				while (rs.next()) {
					Matcher leading = LEADING_COLUMN.matcher(rs.getString(2));
					if (!leading.find() || !FINDING_COLUMNS.contains(leading.group(1).toLowerCase())) {
						indexes.add(new String[] { rs.getString(1), rs.getString(2) });
					}
				}
			}
			for (String[] index : indexes) {
				statement.execute("DROP INDEX " + index[0]);
			}
		}
		return indexes.stream().map((index) -> index[1]).toList();
	}

	/**
	 * Builds indexes from their definitions on {@code connections} connections at once,
	 * those of the largest tables first, so that no connection is left with a large one
	 * at the end. Each build runs alone in its session (no parallel workers): the
	 * connections already keep the cores busy, and one build per core needs no leader to
	 * merge the workers' sorts.
	 */
	void createIndexes(List<String> definitions, int connections) throws Exception {
		Map<String, Long> tableSizes = new HashMap<>();
		try (Connection connection = this.dataSource.getConnection();
				var statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT relname, pg_relation_size(oid) FROM pg_class "
						+ "WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace")) {
			while (rs.next()) {
				tableSizes.put(rs.getString(1), rs.getLong(2));
			}
		}
		Queue<String> queue = new ConcurrentLinkedQueue<>(definitions.stream()
			.sorted(Comparator.comparing((String definition) -> tableSizes.getOrDefault(table(definition), 0L))
				.reversed())
			.toList());
		ExecutorService pool = Executors.newFixedThreadPool(connections);
		try {
			List<Future<Void>> builders = new ArrayList<>();
			for (int i = 0; i < connections; i++) {
				builders.add(pool.submit(() -> {
					try (Connection connection = this.dataSource.getConnection();
							var statement = connection.createStatement()) {
						statement.execute("SET maintenance_work_mem = '1GB'");
						statement.execute("SET max_parallel_maintenance_workers = 0");
						try {
							for (String definition = queue.poll(); definition != null; definition = queue.poll()) {
								statement.execute(definition);
							}
						}
						finally {
							statement.execute("RESET maintenance_work_mem");
							statement.execute("RESET max_parallel_maintenance_workers");
						}
					}
					return null;
				}));
			}
			for (Future<Void> builder : builders) {
				builder.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String table(String indexDefinition) {
		Matcher table = INDEXED_TABLE.matcher(indexDefinition);
		return table.find() ? table.group(1) : "";
	}

	/**
	 * How the template is copied: one {@code INSERT ... SELECT} per table, found once,
	 * then run for any range of copy numbers; copy {@code n} is {@code n * stepSeconds}
	 * older.
	 */
	Plan plan(Template template, int copies, long stepSeconds) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			return plan(connection, template, copies, stepSeconds);
		}
	}

	/**
	 * Inserts copies {@code from} to {@code to} (inclusive) of a planned template in one
	 * transaction, so that a large load can be split into ranges on several connections,
	 * except into the tables in {@code reloaded} (see {@link #reload}). Returns rows.
	 */
	long copy(Plan plan, int from, int to, Set<String> reloaded) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean withoutTriggers = withoutForeignKeyTriggers(connection);
			try {
				connection.setAutoCommit(false);
				long rows = 0;
				for (TableCopy table : plan.tables()) {
					if (!reloaded.contains(table.table())) {
						rows += table.run(connection, table.table(), from, to);
					}
				}
				connection.commit();
				return rows;
			}
			finally {
				if (withoutTriggers) {
					connection.rollback();
					connection.setAutoCommit(true);
					try (var statement = connection.createStatement()) {
						statement.execute("RESET session_replication_role");
					}
				}
			}
		}
	}

	/**
	 * The tables no foreign key references: {@link #reload} may empty them in its
	 * transaction.
	 */
	Set<String> reloadable() throws SQLException {
		Set<String> tables = new HashSet<>();
		try (Connection connection = this.dataSource.getConnection();
				var statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"""
								SELECT c.relname FROM pg_class c
								WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
								  AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = c.oid)""")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		return tables;
	}

	/**
	 * Loads all copies of every plan into one table in one transaction that empties the
	 * table first and puts its rows back, then copies the templates' rows from that saved
	 * set: when PostgreSQL runs with {@code wal_level = minimal} (as the tests' embedded
	 * server does), it writes no WAL for a table emptied in the same transaction. Only
	 * for tables no foreign key references ({@link #reloadable}). Returns the rows
	 * copied.
	 */
	long reload(String table, List<Plan> plans) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean withoutTriggers = withoutForeignKeyTriggers(connection);
			try {
				connection.setAutoCommit(false);
				try (var statement = connection.createStatement()) {
					// Locked before its rows are saved, so that no row written meanwhile
					// is emptied unsaved.
					statement.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
					statement.execute("CREATE TEMPORARY TABLE loader_saved ON COMMIT DROP AS SELECT * FROM " + table);
					statement.execute("TRUNCATE " + table);
					statement.execute("INSERT INTO " + table + " SELECT * FROM loader_saved");
					// The rows of earlier tests may be many: the plans must find the
					// templates' rows once.
					statement.execute("ANALYZE loader_saved");
				}
				long rows = 0;
				for (Plan plan : plans) {
					for (TableCopy copy : plan.tables()) {
						if (copy.table().equals(table)) {
							rows += copy.run(connection, "loader_saved", 1, plan.copies());
						}
					}
				}
				connection.commit();
				return rows;
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
				if (withoutTriggers) {
					try (var statement = connection.createStatement()) {
						statement.execute("RESET session_replication_role");
					}
				}
			}
		}
	}

	/**
	 * The copies reference only rows that exist (the template's or other copies'), so the
	 * foreign key triggers, one per inserted row, are skipped where the user may (a
	 * superuser, as the embedded PostgreSQL's). The setting is reset before the
	 * connection goes back to the pool.
	 */
	private static boolean withoutForeignKeyTriggers(Connection connection) {
		try (var statement = connection.createStatement()) {
			statement.execute("SET session_replication_role = replica");
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private Plan plan(Connection connection, Template template, int copies, long stepSeconds) throws SQLException {
		Map<String, String> engineTables = engineSelections(connection);
		Set<String> ids = new HashSet<>();
		Map<String, String> where = new LinkedHashMap<>();
		List<String> procInstIds = strings(connection, "SELECT id_ FROM act_hi_procinst WHERE root_proc_inst_id_ = ?",
				template.processInstanceId());
		List<String> taskIds = strings(connection, "SELECT id_ FROM act_hi_taskinst WHERE root_proc_inst_id_ = ?",
				template.processInstanceId());
		for (Map.Entry<String, String> table : engineTables.entrySet()) {
			String predicate = table.getValue();
			where.put(table.getKey(), predicate);
			ids.addAll(strings(connection, "SELECT id_ FROM " + table.getKey() + " t WHERE " + predicate,
					bind(predicate, template, procInstIds, taskIds)));
		}
		// Authorizations and byte arrays are found through the ids of the rows above.
		List<String> found = new ArrayList<>(ids);
		ids.addAll(strings(connection, "SELECT id_ FROM act_ru_authorization t WHERE t.resource_id_ = ANY(?)",
				List.of(found)));
		where.put("act_ru_authorization", "t.resource_id_ = ANY(?)");
		List<String> byteArrays = byteArrayIds(connection, where, template, procInstIds, taskIds);
		ids.addAll(byteArrays);
		where.put("act_ge_bytearray", "t.id_ = ANY(?)");
		ids.addAll(strings(connection,
				"SELECT message_id FROM minyi_adoption WHERE piece_id = ? AND message_id IS NOT NULL "
						+ "UNION SELECT message_id FROM minyi_instruction WHERE piece_id = ? AND message_id IS NOT NULL",
				template.pieceId(), template.pieceId()));

		ids.addAll(otherInstanceIds(connection, where, template, procInstIds, taskIds, found, byteArrays));
		Copier copier = new Copier(connection, template, stepSeconds, ids);
		List<TableCopy> tables = new ArrayList<>();
		List<String> order = new ArrayList<>(FIRST);
		where.keySet().stream().filter((table) -> !FIRST.contains(table)).forEach(order::add);
		for (String table : order) {
			String predicate = where.get(table);
			if (predicate == null) {
				continue;
			}
			List<Object> args = switch (table) {
				case "act_ru_authorization" -> List.of(found);
				case "act_ge_bytearray" -> List.of(byteArrays);
				default -> bind(predicate, template, procInstIds, taskIds);
			};
			tables.add(copier.copy(table, predicate, args));
		}
		for (Map.Entry<String, String> table : applicationSelections().entrySet()) {
			tables.add(copier.copy(table.getKey(), table.getValue(), List.of(template.pieceId())));
		}
		return new Plan(template, copies, tables);
	}

	/**
	 * Ids of the instances' other objects that no copied row has as its own id:
	 * executions that ended, operations of the user operation log.
	 */
	private static Set<String> otherInstanceIds(Connection connection, Map<String, String> where, Template template,
			List<String> procInstIds, List<String> taskIds, List<String> found, List<String> byteArrays)
			throws SQLException {
		Set<String> ids = new HashSet<>();
		for (Map.Entry<String, String> table : where.entrySet()) {
			List<Object> args = switch (table.getKey()) {
				case "act_ru_authorization" -> List.of(found);
				case "act_ge_bytearray" -> List.of(byteArrays);
				default -> bind(table.getValue(), template, procInstIds, taskIds);
			};
			try (ResultSet rs = connection.getMetaData().getColumns(null, "public", table.getKey(), "%")) {
				while (rs.next()) {
					String column = rs.getString("COLUMN_NAME");
					if (column.equals("execution_id_") || column.equals("var_scope_")
							|| column.equals("operation_id_")) {
						ids.addAll(strings(connection, "SELECT DISTINCT " + column + " FROM " + table.getKey()
								+ " t WHERE " + table.getValue() + " AND " + column + " IS NOT NULL", args));
					}
				}
			}
		}
		return ids;
	}

	/** Moves the application's identity sequences past the copied ids. */
	void restartSequences() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			for (String table : List.of("minyi_piece", "minyi_piece_event", "minyi_dispatch", "minyi_upward_submission",
					"minyi_adoption", "minyi_instruction", "minyi_followup_case", "minyi_feedback",
					"minyi_notification", "minyi_notification_recipient", "minyi_stat_fact")) {
				long next;
				try (var statement = connection.createStatement();
						ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
					max.next();
					next = max.getLong(1);
				}
				try (var statement = connection.createStatement()) {
					statement.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
				}
			}
		}
	}

	/**
	 * The engine's instance tables and how a template's rows are found in each: by the
	 * root process instance where the table has it, else by process instance or task.
	 */
	private static Map<String, String> engineSelections(Connection connection) throws SQLException {
		Map<String, Set<String>> columns = new LinkedHashMap<>();
		DatabaseMetaData meta = connection.getMetaData();
		try (ResultSet rs = meta.getColumns(null, "public", "act_%", "%")) {
			while (rs.next()) {
				columns.computeIfAbsent(rs.getString("TABLE_NAME"), (t) -> new HashSet<>())
					.add(rs.getString("COLUMN_NAME"));
			}
		}
		Map<String, String> selections = new LinkedHashMap<>();
		for (Map.Entry<String, Set<String>> table : columns.entrySet()) {
			String name = table.getKey();
			Set<String> cols = table.getValue();
			if (NOT_INSTANCE_DATA.contains(name) || name.startsWith("act_re_") || name.contains("case")
					|| name.equals("act_ru_authorization") || name.equals("act_ge_bytearray")) {
				continue;
			}
			// Runtime rows by process instance: not every runtime table keeps the root
			// instance on every row.
			if (cols.contains("root_proc_inst_id_")
					&& !(name.startsWith("act_ru_") && cols.contains("proc_inst_id_"))) {
				selections.put(name, "t.root_proc_inst_id_ = ?");
			}
			else if (cols.contains("proc_inst_id_")) {
				selections.put(name, "t.proc_inst_id_ = ANY(?)");
			}
			else if (cols.contains("process_instance_id_")) {
				selections.put(name, "t.process_instance_id_ = ANY(?)");
			}
			else if (cols.contains("task_id_")) {
				selections.put(name, "t.task_id_ = ANY(?)");
			}
		}
		return selections;
	}

	/** The application's tables: the piece and every row hanging off it. */
	private static Map<String, String> applicationSelections() {
		Map<String, String> tables = new LinkedHashMap<>();
		tables.put("minyi_piece", "t.id = ?");
		for (String table : List.of("minyi_piece_credit", "minyi_piece_clearance", "minyi_piece_event",
				"minyi_issue_piece", "minyi_dispatch", "minyi_upward_submission", "minyi_adoption", "minyi_instruction",
				"minyi_followup_case", "minyi_feedback", "minyi_notification", "minyi_stat_fact",
				"minyi_stat_instruction", "minyi_stat_case")) {
			tables.put(table, "t.piece_id = ?");
		}
		tables.put("minyi_notification_recipient",
				"t.notification_id IN (SELECT id FROM minyi_notification WHERE piece_id = ?)");
		tables.put("minyi_stat_score", "t.fact_id IN (SELECT id FROM minyi_stat_fact WHERE piece_id = ?)");
		return tables;
	}

	private static List<Object> bind(String predicate, Template template, List<String> procInstIds,
			List<String> taskIds) {
		if (predicate.contains("root_proc_inst_id_")) {
			return List.of(template.processInstanceId());
		}
		if (predicate.contains("task_id_")) {
			return List.of(taskIds);
		}
		return List.of(procInstIds);
	}

	private static List<String> byteArrayIds(Connection connection, Map<String, String> where, Template template,
			List<String> procInstIds, List<String> taskIds) throws SQLException {
		List<String> ids = new ArrayList<>(strings(connection,
				"SELECT id_ FROM act_ge_bytearray WHERE root_proc_inst_id_ = ?", template.processInstanceId()));
		for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail", "act_ru_job",
				"act_hi_job_log", "act_hi_incident", "act_ru_incident")) {
			String predicate = where.get(table);
			if (predicate == null) {
				continue;
			}
			String column = table.contains("job")
					? (table.equals("act_ru_job") ? "exception_stack_id_" : "job_exception_stack_id_")
					: (table.contains("incident") ? null : "bytearray_id_");
			if (column == null) {
				continue;
			}
			ids.addAll(strings(connection,
					"SELECT " + column + " FROM " + table + " t WHERE " + predicate + " AND " + column + " IS NOT NULL",
					bind(predicate, template, procInstIds, taskIds)));
		}
		return ids;
	}

	private static List<String> strings(Connection connection, String sql, Object... args) throws SQLException {
		return strings(connection, sql, List.of(args));
	}

	private static List<String> strings(Connection connection, String sql, List<?> args) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			set(connection, statement, 1, args);
			List<String> values = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					values.add(rs.getString(1));
				}
			}
			return values;
		}
	}

	private static int set(Connection connection, PreparedStatement statement, int first, List<?> args)
			throws SQLException {
		int index = first;
		for (Object arg : args) {
			if (arg instanceof List<?> list) {
				Array array = connection.createArrayOf("varchar", list.toArray());
				statement.setArray(index++, array);
			}
			else {
				statement.setObject(index++, arg);
			}
		}
		return index;
	}

	/** A planned template: the copy of each of its tables, in order. */
	record Plan(Template template, int copies, List<TableCopy> tables) {

		/**
		 * Rows of the template's copies {@code from} to {@code to} in the given tables.
		 */
		long rows(int from, int to, Predicate<String> tables) {
			return this.tables.stream()
				.filter((copy) -> tables.test(copy.table()))
				.mapToLong((copy) -> copy.templateRows() * (to - from + 1))
				.sum();
		}

	}

	/**
	 * The {@code INSERT ... SELECT} of one table for a range of copy numbers, with the
	 * parameters of its select list (lists are bound as arrays) and of its {@code WHERE}.
	 */
	record TableCopy(String table, long templateRows, long stepSeconds, String columns, String expressions,
			String predicate, List<Object> selectParameters, List<Object> whereParameters) {

		/**
		 * Copies the template's rows found in {@code source} (the table itself or a saved
		 * set of its rows). What each copy changes by is worked out once per copy, not
		 * once per row and column.
		 */
		long run(Connection connection, String source, int from, int to) throws SQLException {
			String sql = "WITH g AS MATERIALIZED (SELECT n, n * ? * INTERVAL '1 second' AS shift, "
					+ "'g' || LPAD(TO_HEX(n), 6, '0') AS id_suffix, 'B' || n || '-' AS number_prefix, "
					+ "'bm' || (n % " + BENCH_MEMBERS + ") AS member, CAST(n AS BIGINT) * " + ID_STRIDE
					+ " AS id_shift FROM generate_series(?, ?) AS s(n)) INSERT INTO " + this.table + " (" + this.columns
					+ ") SELECT " + this.expressions + " FROM " + source + " t CROSS JOIN g WHERE " + this.predicate;
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				statement.setLong(1, this.stepSeconds);
				statement.setInt(2, from);
				statement.setInt(3, to);
				int index = set(connection, statement, 4, this.selectParameters);
				set(connection, statement, index, this.whereParameters);
				return statement.executeUpdate();
			}
		}

	}

	/** Builds the INSERT ... SELECT of one table for a range of copies. */
	private static final class Copier {

		private final Connection connection;

		private final Template template;

		private final long stepSeconds;

		private final List<String> ids;

		Copier(Connection connection, Template template, long stepSeconds, Set<String> ids) {
			this.connection = connection;
			this.template = template;
			this.stepSeconds = stepSeconds;
			this.ids = new ArrayList<>(ids);
		}

		TableCopy copy(String table, String predicate, List<Object> args) throws SQLException {
			Map<String, Integer> columns = new LinkedHashMap<>();
			try (ResultSet rs = this.connection.getMetaData().getColumns(null, "public", table, "%")) {
				while (rs.next()) {
					columns.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
				}
			}
			List<String> texts = columns.entrySet()
				.stream()
				.filter((column) -> column.getValue() == Types.VARCHAR || column.getValue() == Types.CHAR)
				.map(Map.Entry::getKey)
				.toList();
			long[] templateRows = new long[1];
			Map<String, boolean[]> replaced = replacedValues(table, predicate, args, texts, templateRows);
			List<String> expressions = new ArrayList<>();
			List<Object> parameters = new ArrayList<>();
			boolean application = table.startsWith("minyi_");
			for (Map.Entry<String, Integer> column : columns.entrySet()) {
				String name = column.getKey();
				int type = column.getValue();
				String c = "t." + name;
				if (texts.contains(name)) {
					// Only the replacements some template row needs: the rest never
					// match, row by row.
					boolean[] needed = replaced.get(name);
					StringBuilder cases = new StringBuilder();
					if (needed[0]) {
						cases.append(
								" WHEN " + c + " = ANY(?) THEN LEFT(" + c + ", LENGTH(" + c + ") - 7) || g.id_suffix");
						parameters.add(this.ids);
					}
					if (needed[1]) {
						cases.append(" WHEN " + c + " = ? THEN g.number_prefix || " + c);
						parameters.add(this.template.registrationNumber());
					}
					if (needed[2]) {
						cases.append(" WHEN " + c + " = ? THEN g.member");
						parameters.add(this.template.submitterId());
					}
					expressions.add(cases.isEmpty() ? c : "CASE" + cases + " ELSE " + c + " END");
				}
				else if (type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE) {
					expressions.add(c + " - g.shift");
				}
				else if (type == Types.DATE) {
					expressions.add("CAST(" + c + " - g.shift AS DATE)");
				}
				else if (application && (type == Types.BIGINT) && isApplicationId(name)) {
					expressions.add(c + " + g.id_shift");
				}
				else if (!application && name.equals("long_") && columns.containsKey("name_")) {
					expressions.add("CASE WHEN t.name_ LIKE '%Id' THEN " + c + " + g.id_shift ELSE " + c + " END");
				}
				else {
					expressions.add(c);
				}
			}
			return new TableCopy(table, templateRows[0], this.stepSeconds, String.join(", ", columns.keySet()),
					String.join(", ", expressions), predicate, parameters, args);
		}

		/**
		 * For each text column, whether any of the template's rows holds in it a copied
		 * id, the registration number or the submitter; and how many rows the template
		 * has in the table.
		 */
		private Map<String, boolean[]> replacedValues(String table, String predicate, List<Object> args,
				List<String> texts, long[] templateRows) throws SQLException {
			Map<String, boolean[]> replaced = new HashMap<>();
			List<String> checks = new ArrayList<>(List.of("COUNT(*)"));
			List<Object> parameters = new ArrayList<>();
			for (String column : texts) {
				checks.add("COALESCE(BOOL_OR(t." + column + " = ANY(?)), FALSE)");
				checks.add("COALESCE(BOOL_OR(t." + column + " = ?), FALSE)");
				checks.add("COALESCE(BOOL_OR(t." + column + " = ?), FALSE)");
				parameters.add(this.ids);
				parameters.add(this.template.registrationNumber());
				parameters.add(this.template.submitterId());
			}
			parameters.addAll(args);
			try (PreparedStatement statement = this.connection
				.prepareStatement("SELECT " + String.join(", ", checks) + " FROM " + table + " t WHERE " + predicate)) {
				set(this.connection, statement, 1, parameters);
				try (ResultSet rs = statement.executeQuery()) {
					rs.next();
					templateRows[0] = rs.getLong(1);
					int index = 2;
					for (String column : texts) {
						replaced.put(column, new boolean[] { rs.getBoolean(index++), rs.getBoolean(index++),
								rs.getBoolean(index++) });
					}
				}
			}
			return replaced;
		}

		/**
		 * The application's row ids and references between its rows; bulletin issues stay
		 * shared.
		 */
		private static boolean isApplicationId(String column) {
			return column.equals("id") || (column.endsWith("_id") && !column.equals("issue_id"));
		}

	}

}
