package org.minyi.engine;

import org.camunda.bpm.engine.impl.pvm.PvmException;

/** Engine failures that only the engine's internal exception types tell apart. */
public final class EngineFailures {

	private static final String NO_CURRENT_ACTIVITY_MESSAGE = "has no current activity";

	private EngineFailures() {
	}

	/**
	 * Two completions of one task at once: the loser read the execution before the winner
	 * moved it on, and the engine finds it at no activity.
	 */
	public static boolean isLostCompletionRace(Throwable cause) {
		return cause instanceof PvmException && cause.getMessage() != null
				&& cause.getMessage().contains(NO_CURRENT_ACTIVITY_MESSAGE);
	}

}
