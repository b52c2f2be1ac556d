package org.minyi.taskform;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The variables a Camunda Form lets its user set: the keys of its input fields, nested
 * groups included, each with the label the user sees. A field marked {@code readonly} or
 * {@code disabled} only shows a variable: Tasklist submits it back unchanged, so it may
 * be sent, but not changed. Read once per deployed form ({@link TaskForms}).
 */
record FormFields(Map<String, String> editable, Map<String, String> readonly) {

	/** No form: no variable may be set. */
	static final FormFields NONE = new FormFields(Map.of(), Map.of());

	static FormFields of(JsonNode schema) {
		Map<String, String> editable = new HashMap<>();
		Map<String, String> readonly = new HashMap<>();
		collect(schema.path("components"), editable, readonly);
		readonly.keySet().removeAll(editable.keySet());
		return new FormFields(Map.copyOf(editable), Map.copyOf(readonly));
	}

	private static void collect(JsonNode components, Map<String, String> editable, Map<String, String> readonly) {
		for (JsonNode component : components) {
			// A group or list with a path submits its fields as one object under the
			// path's first name.
			String path = component.path("path").asText("");
			if (!path.isBlank()) {
				put(component, path, editable, readonly);
				continue;
			}
			if (component.has("components")) {
				collect(component.get("components"), editable, readonly);
			}
			String key = component.path("key").asText("");
			if (!key.isBlank() && FieldType.of(component).isPresent()) {
				put(component, key, editable, readonly);
			}
		}
	}

	private static void put(JsonNode component, String key, Map<String, String> editable,
			Map<String, String> readonly) {
		String name = key.split("\\.", 2)[0];
		String label = component.path("label").asText(name);
		boolean shownOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
		(shownOnly ? readonly : editable).putIfAbsent(name, label);
	}

	boolean isEditable(String name) {
		return this.editable.containsKey(name);
	}

	boolean isReadonly(String name) {
		return this.readonly.containsKey(name);
	}

	/** The label of a field, for messages. */
	String label(String name) {
		return this.editable.getOrDefault(name, this.readonly.getOrDefault(name, name));
	}

}
