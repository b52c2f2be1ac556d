package org.minyi.common;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gap-free numbers per name and period (registration numbers per year, bulletin issues per publication
 * and year). The increment takes a row lock that is held until the caller's transaction ends, so
 * concurrent callers queue up, and a rolled-back caller gives its number back: no gaps, no duplicates.
 */
@Component
public class GaplessCounter {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate newTransaction;

	GaplessCounter(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.newTransaction = new TransactionTemplate(transactionManager);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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

	/** In a transaction of its own, so that losing the race to create the row spoils nothing. */
	private void createCounter(String name, int period) {
		try {
			this.newTransaction.executeWithoutResult((status) -> this.jdbc
				.update("INSERT INTO minyi_counter (name, period, last_value) VALUES (?, ?, 0)", name, period));
		}
		catch (DataIntegrityViolationException ex) {
			// Another transaction created it first: that is all we needed.
		}
	}

}
