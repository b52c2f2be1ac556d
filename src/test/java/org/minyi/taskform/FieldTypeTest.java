package org.minyi.taskform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.minyi.common.RuleViolation;

/**
 * What a user may set and what the server checks come from one list of field types: a
 * checklist is submitted but not checked, a text view submits nothing.
 */
class FieldTypeTest {

	private static final String FORM = """
			{"components": [
			  {"type": "textfield", "key": "title", "label": "标题", "validate": {"required": true}},
			  {"type": "checklist", "key": "tags", "label": "标签", "validate": {"required": true}},
			  {"type": "text", "key": "note", "text": "说明"}
			]}""";

	@Test
	void shouldLetTheUserSetEveryValueFieldAndCheckOnlyTheCheckedOnes() throws Exception {
		JsonNode schema = new ObjectMapper().readTree(FORM);
		FormFields fields = FormFields.of(schema);
		assertThat(fields.isEditable("title")).isTrue();
		assertThat(fields.isEditable("tags")).isTrue();
		assertThat(fields.isEditable("note")).isFalse();
		assertThatThrownBy(() -> new FormRules(null).check(schema, Map.of())).isInstanceOf(RuleViolation.class)
			.hasMessage("[FIELD_REQUIRED] 「标题」为必填项");
	}

}
