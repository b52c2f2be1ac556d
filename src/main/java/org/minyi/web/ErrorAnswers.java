package org.minyi.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.hibernate.exception.JDBCConnectionException;
import org.minyi.common.Causes;
import org.minyi.common.RuleViolation;
import org.minyi.engine.EngineFailures;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The answer to a failed request that is neither a bug nor, mostly, the client's mistake:
 * a broken rule, the database out of reach for a moment (503, try again), another user
 * taking or changing the same task at the same moment (409, reload). The engine, Spring,
 * Hibernate and the JDBC driver each wrap these their own way, so the whole cause chain
 * is searched, outermost first.
 */
final class ErrorAnswers {

	/**
	 * Seconds a client is told to wait before retrying while the database is unavailable.
	 */
	static final int RETRY_AFTER_SECONDS = 5;

	/**
	 * What the client is told: HTTP status, stable code and Chinese message, and for
	 * engine-rest's {@code type} the code in engine-rest's style (no exception class
	 * names reach clients).
	 */
	record Answer(int status, String code, String message, String type) {

		Answer(int status, String code, String message) {
			this(status, code, message, typeOf(code));
		}

		/**
		 * The message as engine-rest carries it, code first, as the engine's rule
		 * violations do.
		 */
		String codedMessage() {
			return "[" + this.code + "] " + this.message;
		}

		boolean databaseUnavailable() {
			return DATABASE_UNAVAILABLE.equals(this.code);
		}

		/**
		 * When two users read a task unclaimed at the same moment, the engine fails the
		 * later claim on the task's version rather than with
		 * {@link TaskAlreadyClaimedException}; to the user it is the same.
		 */
		Answer ofClaim() {
			return CONCURRENT_UPDATE.equals(this.code) ? TASK_ALREADY_CLAIMED : this;
		}

	}

	static final String DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";

	static final String CONCURRENT_UPDATE = "CONCURRENT_UPDATE";

	private static final Answer TASK_ALREADY_CLAIMED = new Answer(409, "TASK_ALREADY_CLAIMED", "任务已被他人认领");

	static final Answer TASK_NOT_FOUND = new Answer(404, "TASK_NOT_FOUND", "任务不存在或已被他人办理");

	// The engine's message when a task command finds no task: it was completed (or
	// deleted) meanwhile.
	private static final String TASK_NOT_FOUND_MESSAGE = "Cannot find task with id";

	private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

	private ErrorAnswers() {
	}

	static Optional<Answer> of(Throwable failure) {
		for (Throwable cause : Causes.of(failure)) {
			if (cause instanceof RuleViolation violation) {
				return Optional.of(new Answer(violation.httpStatus(), violation.errorCode(), violation.plainMessage(),
						RuleViolation.class.getSimpleName()));
			}
			if (isConnectionFailure(cause)) {
				return Optional.of(new Answer(503, DATABASE_UNAVAILABLE, "数据库暂时不可用，请稍后重试"));
			}
			if (cause instanceof TaskAlreadyClaimedException) {
				return Optional.of(TASK_ALREADY_CLAIMED);
			}
			if (isConcurrencyFailure(cause)) {
				return Optional.of(new Answer(409, CONCURRENT_UPDATE, "数据已被他人同时修改，请刷新后重试"));
			}
			if (cause instanceof NullValueException && cause.getMessage() != null
					&& cause.getMessage().startsWith(TASK_NOT_FOUND_MESSAGE)) {
				return Optional.of(TASK_NOT_FOUND);
			}
		}
		return Optional.empty();
	}

	/** {@code TASK_ALREADY_CLAIMED} becomes {@code TaskAlreadyClaimed}. */
	private static String typeOf(String code) {
		StringBuilder type = new StringBuilder();
		for (String word : code.split("_")) {
			type.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
		}
		return type.toString();
	}

	private static boolean isConnectionFailure(Throwable cause) {
		if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
				|| cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException
				|| cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException) {
			return true;
		}
		// 08: connection exception; 57P01-57P03: the server is shutting down or starting
		// up.
		String state = sqlState(cause);
		if (state != null) {
			return state.startsWith("08") || state.startsWith("57P0");
		}
		// The pool's answer to a rollback on a connection it has just evicted as broken;
		// Spring then
		// reports the failed rollback instead of the lost connection behind it.
		return cause instanceof SQLException && HIKARI_CLOSED_CONNECTION.equals(cause.getMessage());
	}

	private static boolean isConcurrencyFailure(Throwable cause) {
		if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException
				|| cause instanceof OptimisticLockException || cause instanceof PessimisticLockException
				|| cause instanceof LockTimeoutException) {
			return true;
		}
		if (EngineFailures.isLostCompletionRace(cause)) {
			return true;
		}
		// 40001: serialization failure; 40P01: deadlock detected (PostgreSQL).
		String state = sqlState(cause);
		return "40001".equals(state) || "40P01".equals(state);
	}

	private static String sqlState(Throwable cause) {
		return (cause instanceof SQLException sql) ? sql.getSQLState() : null;
	}

}
