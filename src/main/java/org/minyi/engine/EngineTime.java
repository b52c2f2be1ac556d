package org.minyi.engine;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, which due dates, timers and the application's own time stamps
 * share: tests move it and a timer fires exactly when the application thinks that time
 * has come.
 */
public final class EngineTime {

	private EngineTime() {
	}

	public static Date now() {
		return ClockUtil.now();
	}

	public static Instant instant() {
		return ClockUtil.now().toInstant();
	}

}
