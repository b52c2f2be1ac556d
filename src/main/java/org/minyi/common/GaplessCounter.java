package org.minyi.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gap-free numbers per name and period (registration numbers per year, bulletin issues
 * per publication and year). The increment takes a row lock that is held until the
 * caller's transaction ends, so concurrent callers queue up, and a rolled-back caller
 * gives its number back: no gaps, no duplicates.
 */
@Component
public class GaplessCounter {

	private final JdbcTemplate jdbc;

	private static final String UNIQUE_VIOLATION = "23505";

	GaplessCounter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The next number of this counter, within the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int next(String name, int period) {
		if (increment(name, period) == 0) {
			createCounter(name, period);
			increment(name, period);
		}
		return this.jdbc.queryForObject("SELECT last_value FROM minyi_counter WHERE name = ? AND period = ?",
				Integer.class, name, period);
	}

	private int increment(String name, int period) {
		return this.jdbc.update("UPDATE minyi_counter SET last_value = last_value + 1 WHERE name = ? AND period = ?",
				name, period);
	}

	/**
	 * Behind a savepoint of the caller's transaction, so that losing the race to create
	 * the row spoils nothing. Not a transaction of its own: under load every caller would
	 * hold one pooled connection and wait for a second.
	 */
	private void createCounter(String name, int period) {
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			Savepoint savepoint = connection.setSavepoint();
			try (PreparedStatement insert = connection
				.prepareStatement("INSERT INTO minyi_counter (name, period, last_value) VALUES (?, ?, 0)")) {
				insert.setString(1, name);
				insert.setInt(2, period);
				insert.executeUpdate();
				connection.releaseSavepoint(savepoint);
			}
			catch (SQLException ex) {
				if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
					throw ex;
				}
				// Another transaction created it first: that is all we needed.
				connection.rollback(savepoint);
			}
			return null;
		});
	}

}
