package org.minyi.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.minyi.web.HostileCorpus.Field;
import org.minyi.web.HostileCorpus.Kind;

/**
 * The fields of a deployed Camunda Form that {@link HostileInputTest} attacks: every
 * input its user may set for the valid completion, read from the form itself, so that a
 * field added to a form is attacked without a change to the test. Left out are what the
 * user only sees ({@code readonly}, {@code disabled}) and what the form hides for the
 * valid values ({@code conditional.hide}, as the browser and the rules evaluate it). A
 * component this reading does not know fails the test rather than go unprobed.
 */
final class FormFieldsToProbe {

	/** Components that show but submit nothing. */
	private static final Set<String> DISPLAY_TYPES = Set.of("text", "html", "image", "spacer", "separator", "button",
			"iframe", "table", "documentPreview");

	/**
	 * Text inputs whose value is looked up (registration numbers): anything not found is
	 * refused, as with a code, which the form cannot say.
	 */
	private static final Set<String> LOOKED_UP = Set.of("pieceNumbers");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

	private FormFieldsToProbe() {
	}

	/**
	 * The form's fields in the form's order.
	 * @param form the deployed form (closed here)
	 * @param values what the form is filled with: the process variables and the valid
	 * completion over them
	 */
	static List<Field> of(InputStream form, Map<String, Object> values) {
		List<Field> fields = new ArrayList<>();
		collect(read(form).path("components"), values, fields);
		return fields;
	}

	private static void collect(JsonNode components, Map<String, Object> values, List<Field> fields) {
		for (JsonNode component : components) {
			String type = component.path("type").asText();
			String key = component.path("key").asText("");
			if (component.hasNonNull("path")) {
				throw new IllegalStateException("a group with a path (" + component.get("path").asText()
						+ ") is not attacked yet: teach FormFieldsToProbe and HostileCorpus its shape");
			}
			if (component.has("components")) {
				if (!hidden(component, values)) {
					collect(component.get("components"), values, fields);
				}
				continue;
			}
			if (key.isBlank() || DISPLAY_TYPES.contains(type) || component.path("readonly").asBoolean(false)
					|| component.path("disabled").asBoolean(false) || hidden(component, values)) {
				continue;
			}
			fields.add(field(component, type, key));
		}
	}

	private static Field field(JsonNode component, String type, String key) {
		JsonNode validate = component.path("validate");
		boolean required = validate.path("required").asBoolean(false);
		return switch (type) {
			case "textfield", "textarea" -> {
				if (!validate.has("maxLength")) {
					throw new IllegalStateException(
							key + ": a text field without maxLength cannot be attacked with a " + "value too long");
				}
				int maxLength = validate.get("maxLength").asInt();
				yield new Field(key, LOOKED_UP.contains(key) ? Kind.CODE : Kind.TEXT, maxLength, required);
			}
			case "select", "radio" -> Field.code(key, required);
			case "checkbox" -> Field.checkbox(key);
			case "checklist", "taglist" -> Field.codes(key);
			case "datetime" -> {
				if (!"date".equals(component.path("subtype").asText()) || !required) {
					throw new IllegalStateException(key + ": only a required date is attacked yet (HostileCorpus "
							+ "sends blanks to every date)");
				}
				yield Field.date(key);
			}
			default -> throw new IllegalStateException(
					key + ": a " + type + " field is not attacked yet: teach FormFieldsToProbe and HostileCorpus");
		};
	}

	private static boolean hidden(JsonNode component, Map<String, Object> values) {
		String hide = component.path("conditional").path("hide").asText("");
		if (hide.isBlank()) {
			return false;
		}
		EvaluationResult result = FEEL.evaluateExpression(hide.startsWith("=") ? hide.substring(1) : hide, values);
		if (!result.isSuccess()) {
			throw new IllegalStateException("hide expression " + hide + ": " + result.failure().message());
		}
		return Boolean.TRUE.equals(result.result());
	}

	private static JsonNode read(InputStream form) {
		try (form) {
			return JSON.readTree(form);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
