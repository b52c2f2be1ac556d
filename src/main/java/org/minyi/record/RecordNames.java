package org.minyi.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.minyi.common.Coded;
import org.minyi.dispatch.AdoptionForm;
import org.minyi.dispatch.Level;
import org.minyi.piece.Channel;
import org.minyi.piece.Confidentiality;
import org.minyi.piece.PieceStatus;
import org.minyi.piece.Urgency;
import org.minyi.taskform.TaskProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Chinese names of the codes a record holds, so that a reader never meets a code: a
 * user task's decision by the label of its form's option (each model's
 * {@code minyi.decision} variable, read from the models and forms the application
 * deploys, so 「return」 reads 退回修改 at registration and 退回编辑 at sign-off), the values of
 * the coded enums, and the reference tables administrators keep (categories, source
 * types, leaders, departments, publications, dispatch forms). A code with no name is not
 * shown.
 */
@Component
class RecordNames {

	/** The level of a leader's instruction ({@code minyi_leader.level}). */
	private static final Map<String, String> LEADER_LEVELS = Map.of("district", "区级", "city", "市级", "province", "省级",
			"central", "中央");

	private static final String[] REFERENCE_TABLES = { "minyi_category", "minyi_source_type", "minyi_leader",
			"minyi_recipient", "minyi_publication", "minyi_dispatch_form" };

	private final JdbcTemplate jdbc;

	/** Per user task id, its decision options: code to label. */
	private final Map<String, Map<String, String>> decisionsByStep = new HashMap<>();

	/** Every option of every form, the first label of a code where forms differ. */
	private final Map<String, String> optionLabels = new HashMap<>();

	RecordNames(JdbcTemplate jdbc, ObjectMapper objectMapper) {
		this.jdbc = jdbc;
		Map<String, JsonNode> forms = new HashMap<>();
		for (Resource form : resources("classpath*:forms/*.form")) {
			JsonNode schema = read(form, objectMapper);
			forms.put(schema.path("id").asText(), schema);
			collectOptions(schema.path("components"), this.optionLabels);
		}
		for (Resource model : resources("classpath*:bpmn/*.bpmn")) {
			try (InputStream stream = model.getInputStream()) {
				BpmnModelInstance instance = Bpmn.readModelFromStream(stream);
				for (UserTask task : instance.getModelElementsByType(UserTask.class)) {
					Optional<String> variable = decisionVariable(task);
					JsonNode form = forms.get(task.getCamundaFormRef());
					if (variable.isPresent() && form != null) {
						Map<String, String> options = new LinkedHashMap<>();
						collectOptions(field(form.path("components"), variable.get()), options);
						this.decisionsByStep.put(task.getId(), options);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** The names of one request: the reference tables as they are now. */
	Names forRequest() {
		Map<String, String> names = new HashMap<>(LEADER_LEVELS);
		Stream
			.<Coded[]>of(Channel.values(), Urgency.values(), Confidentiality.values(), Level.values(),
					AdoptionForm.values())
			.flatMap(Stream::of)
			.forEach((constant) -> names.put(constant.code(), constant.displayName()));
		for (String table : REFERENCE_TABLES) {
			this.jdbc.query("SELECT code, name FROM " + table, (row) -> {
				names.put(row.getString(1), row.getString(2));
			});
		}
		for (PieceStatus status : PieceStatus.values()) {
			names.put(status.name(), status.displayName());
		}
		Map<String, String> fieldValues = new HashMap<>(this.optionLabels);
		fieldValues.putAll(names);
		return new Names(fieldValues, names, this.decisionsByStep);
	}

	/**
	 * @param fieldValues the names of the values of the forms' fields and of every coded
	 * value
	 * @param codes the names of the coded values and reference entries only: a step of no
	 * form (an event's entry) has no option, and another form's label for the same code
	 * would mislead
	 */
	record Names(Map<String, String> fieldValues, Map<String, String> codes,
			Map<String, Map<String, String>> decisionsByStep) {

		/** The name of a code, or null: the code itself is never shown. */
		String of(String code) {
			return (code == null) ? null : this.fieldValues.get(code);
		}

		/**
		 * A timeline entry's decision: its task form's option label first, else the
		 * code's name.
		 */
		String decision(String step, String code) {
			if (code == null) {
				return null;
			}
			if ("outstanding".equals(step)) {
				return Boolean.parseBoolean(code) ? "是" : "否";
			}
			if ("no-answer".equals(code)) {
				return "未答复";
			}
			Map<String, String> options = this.decisionsByStep.get(step);
			return (options != null && options.containsKey(code)) ? options.get(code) : this.codes.get(code);
		}

	}

	private static Optional<String> decisionVariable(UserTask task) {
		if (task.getExtensionElements() == null) {
			return Optional.empty();
		}
		return task.getExtensionElements()
			.getElementsQuery()
			.filterByType(CamundaProperties.class)
			.list()
			.stream()
			.flatMap((properties) -> properties.getCamundaProperties().stream())
			.filter((property) -> TaskProperties.DECISION.equals(property.getCamundaName()))
			.map(CamundaProperty::getCamundaValue)
			.findFirst();
	}

	/**
	 * The components with this key, nested groups included, as an array to collect
	 * options from.
	 */
	private static JsonNode field(JsonNode components, String key) {
		ArrayNode found = JsonNodeFactory.instance.arrayNode();
		for (JsonNode component : components) {
			if (key.equals(component.path("key").asText())) {
				found.add(component);
			}
			if (component.has("components")) {
				field(component.get("components"), key).forEach(found::add);
			}
		}
		return found;
	}

	private static void collectOptions(JsonNode components, Map<String, String> labels) {
		for (JsonNode component : components) {
			for (JsonNode option : component.path("values")) {
				labels.putIfAbsent(option.path("value").asText(), option.path("label").asText());
			}
			if (component.has("components")) {
				collectOptions(component.get("components"), labels);
			}
		}
	}

	private static Resource[] resources(String pattern) {
		try {
			return new PathMatchingResourcePatternResolver().getResources(pattern);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static JsonNode read(Resource resource, ObjectMapper objectMapper) {
		try (InputStream stream = resource.getInputStream()) {
			return objectMapper.readTree(stream);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
