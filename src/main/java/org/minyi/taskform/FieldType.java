package org.minyi.taskform;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The components of Camunda Forms that submit a value under their key: the one list that
 * both what a user may set ({@link FormFields}) and what the server checks
 * ({@link FormRules}) read. A component of another type (text, image, button, group, ...)
 * submits nothing of its own.
 */
enum FieldType {

	TEXTFIELD(true, true), TEXTAREA(true, true), DATETIME(true, true), NUMBER(true, false), SELECT(true, false),
	RADIO(true, false), CHECKBOX(true, false),

	/** Submitted, not checked: a list of values, or one the form computes. */
	CHECKLIST(false, false), TAGLIST(false, false), EXPRESSION(false, false);

	private final boolean checked;

	private final boolean text;

	FieldType(boolean checked, boolean text) {
		this.checked = checked;
		this.text = text;
	}

	/** The type of a form component, empty for one that submits no value. */
	static Optional<FieldType> of(JsonNode component) {
		String type = component.path("type").asText();
		for (FieldType candidate : values()) {
			if (candidate.name().toLowerCase(Locale.ROOT).equals(type)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether {@link FormRules} checks the value: required, length, range, pattern,
	 * options, type.
	 */
	boolean isChecked() {
		return this.checked;
	}

	/**
	 * Whether the value is text: engine-rest lets a client send any type, the delegates
	 * read text.
	 */
	boolean isText() {
		return this.text;
	}

}
