package org.minyi.taskform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.variable.value.TypedValue;
import org.minyi.common.RuleViolation;

/** The variables a request would set, checked against the form's fields. */
final class DeclaredVariables {

	private final FormFields fields;

	private final Set<String> undeclared = new LinkedHashSet<>();

	private final Set<String> changed = new LinkedHashSet<>();

	DeclaredVariables(FormFields fields) {
		this.fields = fields;
	}

	/**
	 * A field the user may change; a read-only one only when sent back with its value
	 * unchanged.
	 */
	void check(Map<String, SubmittedValue> variables, Function<String, TypedValue> current) {
		if (variables == null) {
			return;
		}
		variables.forEach((name, value) -> {
			if (this.fields.isEditable(name)) {
				return;
			}
			if (!this.fields.isReadonly(name)) {
				this.undeclared.add(name);
			}
			else if (!unchanged(value, current.apply(name))) {
				this.changed.add(name);
			}
		});
	}

	void checkEditable(String name) {
		if (this.fields.isReadonly(name)) {
			this.changed.add(name);
		}
		else if (!this.fields.isEditable(name)) {
			this.undeclared.add(name);
		}
	}

	/** Throws one {@link RuleViolation} naming every variable the request may not set. */
	void refuseProblems() {
		List<String> messages = new ArrayList<>();
		if (!this.undeclared.isEmpty()) {
			messages.add("表单中没有这些字段，不能提交：" + String.join("、", this.undeclared));
		}
		if (!this.changed.isEmpty()) {
			messages.add("只读字段不能修改：" + String.join("、",
					this.changed.stream().map((name) -> "「" + this.fields.label(name) + "」（" + name + "）").toList()));
		}
		if (messages.isEmpty()) {
			return;
		}
		String code = this.undeclared.isEmpty() ? "READONLY_VARIABLE" : "UNDECLARED_VARIABLE";
		throw new RuleViolation(code, String.join("；", messages));
	}

	/**
	 * Tasklist submits a read-only field with the value it showed: the variable's own
	 * (text as the browser keeps it, with line breaks as {@code \n}), or empty text for a
	 * variable not set.
	 */
	private static boolean unchanged(SubmittedValue submitted, TypedValue current) {
		Object value = (submitted == null) ? null : submitted.value();
		String type = (submitted == null) ? null : submitted.type();
		Object now = (current == null) ? null : current.getValue();
		if (now == null) {
			return (value == null || "".equals(value)) && (type == null || is(type, "String") || is(type, "Null"));
		}
		if (type != null && !is(type, current.getType().getName())) {
			return false;
		}
		if (now instanceof String text) {
			return value instanceof String sent && lines(sent).equals(lines(text));
		}
		if (now instanceof Number number) {
			return value instanceof Number sent
					&& new BigDecimal(sent.toString()).compareTo(new BigDecimal(number.toString())) == 0;
		}
		return now instanceof Boolean && now.equals(value);
	}

	private static boolean is(String type, String name) {
		return type.equalsIgnoreCase(name);
	}

	private static String lines(String text) {
		return text.replace("\r\n", "\n").replace('\r', '\n');
	}

}
