package org.minyi.common;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A request that breaks a rule of the application: refused, nothing changed. It carries a stable code
 * for programs and a Chinese message for people. Extending the engine's {@link BadUserRequestException}
 * makes engine-rest answer 400 with this message when a task listener throws it, so Tasklist shows it.
 */
public class RuleViolation extends BadUserRequestException {

	private final String errorCode;

	private final int httpStatus;

	public RuleViolation(String errorCode, String message) {
		this(errorCode, message, 400);
	}

	public RuleViolation(String errorCode, String message, int httpStatus) {
		super("[" + errorCode + "] " + message);
		this.errorCode = errorCode;
		this.httpStatus = httpStatus;
	}

	public String errorCode() {
		return this.errorCode;
	}

	/** The message without the code prefix. */
	public String plainMessage() {
		return getMessage().substring(this.errorCode.length() + 3);
	}

	public int httpStatus() {
		return this.httpStatus;
	}

	public static RuleViolation notFound(String errorCode, String message) {
		return new RuleViolation(errorCode, message, 404);
	}

	public static RuleViolation forbidden(String errorCode, String message) {
		return new RuleViolation(errorCode, message, 403);
	}

	public static RuleViolation conflict(String errorCode, String message) {
		return new RuleViolation(errorCode, message, 409);
	}

}
