package org.minyi.taskform;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.minyi.common.PlainText;
import org.minyi.common.RuleViolation;
import org.minyi.engine.FeelExpressions;

/**
 * Enforces on the server the rules a Camunda Form declares for the browser: required
 * fields, lengths, number ranges, patterns, the options of selects and radios, text and
 * dates that are text and dates. Tasklist validates only in the browser and engine-rest
 * not at all, so the same form file is the rule for every client. A field hidden by its
 * {@code conditional.hide} FEEL expression is not checked, as in the browser. Which
 * components are checked is {@link FieldType}'s.
 */
final class FormRules {

	/**
	 * The range of dates a form accepts: nothing of this committee's work lies outside
	 * it.
	 */
	private static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);

	private static final LocalDate LAST_DATE = LocalDate.of(2099, 12, 31);

	private final FeelExpressions feelExpressions;

	FormRules(FeelExpressions feelExpressions) {
		this.feelExpressions = feelExpressions;
	}

	/**
	 * Checks the variables against the form; throws one {@link RuleViolation} naming
	 * every problem.
	 */
	void check(JsonNode schema, Map<String, Object> variables) {
		List<String> problems = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		checkComponents(schema.path("components"), variables, problems, codes);
		if (!problems.isEmpty()) {
			throw new RuleViolation(codes.get(0), String.join("；", problems));
		}
	}

	private void checkComponents(JsonNode components, Map<String, Object> variables, List<String> problems,
			List<String> codes) {
		for (JsonNode component : components) {
			if (isHidden(component, variables)) {
				continue;
			}
			if (component.has("components")) {
				checkComponents(component.get("components"), variables, problems, codes);
			}
			Optional<FieldType> type = FieldType.of(component);
			String key = component.path("key").asText(null);
			if (key == null || type.filter(FieldType::isChecked).isEmpty()
					|| component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
				continue;
			}
			checkField(component, type.get(), key, variables.get(key), problems, codes);
		}
	}

	private void checkField(JsonNode component, FieldType type, String key, Object value, List<String> problems,
			List<String> codes) {
		String label = component.path("label").asText(key);
		JsonNode validate = component.path("validate");
		boolean blank = value == null || (value instanceof String text && text.isBlank());
		if (blank && value instanceof String text && PlainText.hasForbiddenCharacters(text)) {
			// Java counts some control characters as white space: "blank" must not let
			// them through.
			problems.add("「" + label + "」含有不允许的控制字符或不可见字符");
			codes.add("FIELD_CONTROL_CHARACTERS");
			return;
		}
		if (blank) {
			if (validate.path("required").asBoolean(false)) {
				problems.add("「" + label + "」为必填项");
				codes.add("FIELD_REQUIRED");
			}
			return;
		}
		if (type.isText() && !(value instanceof String)) {
			// engine-rest lets a client send any type; the delegates read these fields as
			// text.
			problems.add("「" + label + "」应为文本");
			codes.add("FIELD_NOT_TEXT");
			return;
		}
		if (value instanceof String text) {
			int length = PlainText.length(text);
			if (validate.has("maxLength") && length > validate.get("maxLength").asInt()) {
				problems.add("「" + label + "」不能超过" + validate.get("maxLength").asInt() + "个字（现有" + length + "个）");
				codes.add("FIELD_TOO_LONG");
			}
			if (validate.has("minLength") && length < validate.get("minLength").asInt()) {
				problems.add("「" + label + "」至少需要" + validate.get("minLength").asInt() + "个字");
				codes.add("FIELD_TOO_SHORT");
			}
			if (validate.has("pattern") && !Pattern.compile(validate.get("pattern").asText()).matcher(text).matches()) {
				problems.add("「" + label + "」格式不正确");
				codes.add("FIELD_PATTERN");
			}
			if (PlainText.hasForbiddenCharacters(text)) {
				problems.add("「" + label + "」含有不允许的控制字符或不可见字符");
				codes.add("FIELD_CONTROL_CHARACTERS");
			}
			if (type == FieldType.DATETIME) {
				checkDate(label, component.path("subtype").asText("date"), text, problems, codes);
			}
		}
		if ((type == FieldType.SELECT || type == FieldType.RADIO) && component.has("values")) {
			Set<String> allowed = new HashSet<>();
			component.get("values").forEach((option) -> allowed.add(option.path("value").asText()));
			if (!allowed.contains(String.valueOf(value))) {
				problems.add("「" + label + "」的取值无效：" + value);
				codes.add("FIELD_INVALID_OPTION");
			}
		}
		if (type == FieldType.NUMBER) {
			checkNumber(label, validate, value, problems, codes);
		}
		if (type == FieldType.CHECKBOX && !(value instanceof Boolean)) {
			problems.add("「" + label + "」应为是或否");
			codes.add("FIELD_INVALID_BOOLEAN");
		}
	}

	private static void checkNumber(String label, JsonNode validate, Object value, List<String> problems,
			List<String> codes) {
		if (!(value instanceof Number number)) {
			problems.add("「" + label + "」应为数字");
			codes.add("FIELD_NOT_A_NUMBER");
			return;
		}
		if (validate.has("min") && number.doubleValue() < validate.get("min").asDouble()) {
			problems.add("「" + label + "」不能小于" + validate.get("min").asText());
			codes.add("FIELD_TOO_SMALL");
		}
		if (validate.has("max") && number.doubleValue() > validate.get("max").asDouble()) {
			problems.add("「" + label + "」不能大于" + validate.get("max").asText());
			codes.add("FIELD_TOO_LARGE");
		}
	}

	/**
	 * A date as Camunda Forms submit it: ISO {@code 2026-05-01}, or a date and time for
	 * that subtype.
	 */
	private static void checkDate(String label, String subtype, String text, List<String> problems,
			List<String> codes) {
		if ("time".equals(subtype)) {
			return;
		}
		LocalDate date;
		try {
			date = "date".equals(subtype) ? LocalDate.parse(text) : parseDateTime(text);
		}
		catch (DateTimeParseException ex) {
			problems.add("「" + label + "」不是有效日期（格式如2026-05-01）：" + text);
			codes.add("FIELD_DATE_INVALID");
			return;
		}
		if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
			problems.add("「" + label + "」超出允许范围（" + FIRST_DATE + "至" + LAST_DATE + "）");
			codes.add("FIELD_DATE_OUT_OF_RANGE");
		}
	}

	private static LocalDate parseDateTime(String text) {
		try {
			return OffsetDateTime.parse(text).toLocalDate();
		}
		catch (DateTimeParseException ex) {
			return LocalDateTime.parse(text).toLocalDate();
		}
	}

	private boolean isHidden(JsonNode component, Map<String, Object> variables) {
		String hide = component.path("conditional").path("hide").asText("");
		if (hide.isBlank()) {
			return false;
		}
		String expression = hide.startsWith("=") ? hide.substring(1) : hide;
		return this.feelExpressions.isTrue(expression, variables);
	}

}
