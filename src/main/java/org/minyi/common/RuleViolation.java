package org.minyi.common;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A request that breaks a rule of the application: refused, nothing changed. It carries a
 * stable code for programs and a Chinese message for people. Thrown inside an engine
 * command (a listener, a delegate), it reaches the engine's clients as the form
 * validation exception they answer with 400 (see
 * {@code org.minyi.engine.RuleViolationPlugin}), so Tasklist shows the Chinese message;
 * the application's error answers find it in any exception's causes.
 */
public class RuleViolation extends ProcessEngineException {

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
