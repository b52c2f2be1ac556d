package org.minyi.common;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A request that breaks a rule of the application: refused, nothing changed. It carries a stable code
 * for programs and a Chinese message for people. It is the engine's form validation exception, which
 * engine-rest answers with 400 and the message when a task is completed or a form submitted, so
 * Tasklist shows the Chinese message; {@link RuleViolationPlugin} unwraps it from the engine's
 * listener exceptions and {@code EngineRestConfiguration} from engine-rest's other answers.
 */
public class RuleViolation extends FormFieldValidationException {

	private final String errorCode;

	private final int httpStatus;

	public RuleViolation(String errorCode, String message) {
		this(errorCode, message, 400);
	}

	public RuleViolation(String errorCode, String message, int httpStatus) {
		super(errorCode, "[" + errorCode + "] " + message);
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
