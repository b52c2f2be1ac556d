package org.minyi.common;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the chain of an exception's causes, for the handlers that look for a known one
 * inside.
 */
public final class Causes {

	private static final int MAX_DEPTH = 30;

	private Causes() {
	}

	/**
	 * A failure and its causes, at most {@value #MAX_DEPTH}: a chain may loop, and a
	 * failed batch keeps the driver's reason as the {@link SQLException}'s next
	 * exception.
	 */
	public static List<Throwable> of(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null && causes.size() < MAX_DEPTH; cause = next(cause)) {
			causes.add(cause);
		}
		return causes;
	}

	private static Throwable next(Throwable cause) {
		Throwable next = cause.getCause();
		if (next == null && cause instanceof SQLException sql) {
			next = sql.getNextException();
		}
		return (next == cause) ? null : next;
	}

}
