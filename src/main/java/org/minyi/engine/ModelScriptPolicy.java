package org.minyi.engine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.minyi.common.RuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deployed models run no scripts unless {@code minyi.engine.scripts-allowed} says so: a
 * script task, a script listener or input/output mapping, a condition in a script
 * language, a DMN expression in a script language. The flow's logic belongs in delegates,
 * which are reviewed and tested; a script in a model is code that reaches the server
 * through Modeler. Checked on every new deployment, before the engine parses it.
 */
@Component
class ModelScriptPolicy extends AbstractProcessEnginePlugin implements Deployer {

	/** Expression languages that are not scripts: JUEL in BPMN, FEEL and JUEL in DMN. */
	private static final Set<String> EXPRESSION_LANGUAGES = Set.of("juel", "feel",
			"http://www.omg.org/spec/feel/20140401", "https://www.omg.org/spec/dmn/20191111/feel/",
			"http://www.omg.org/spec/dmn/20180521/feel/");

	private final boolean scriptsAllowed;

	ModelScriptPolicy(@Value("${minyi.engine.scripts-allowed:false}") boolean scriptsAllowed) {
		this.scriptsAllowed = scriptsAllowed;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> deployers = new ArrayList<>();
		if (configuration.getCustomPreDeployers() != null) {
			deployers.addAll(configuration.getCustomPreDeployers());
		}
		deployers.add(this);
		configuration.setCustomPreDeployers(deployers);
	}

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (this.scriptsAllowed || !deployment.isNew() || deployment.getResources() == null) {
			return;
		}
		List<String> found = new ArrayList<>();
		for (ResourceEntity resource : deployment.getResources().values()) {
			String name = resource.getName().toLowerCase(Locale.ROOT);
			try {
				if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
					scriptsIn(resource.getName(),
							Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes())), found);
				}
				else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
					scriptsIn(resource.getName(),
							Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes())), found);
				}
			}
			catch (ModelException unreadable) {
				// What cannot be read cannot be checked: refused, as the engine's parser
				// would refuse it.
				throw new RuleViolation("MODEL_INVALID", "模型文件不是有效的 BPMN 或 DMN：" + resource.getName());
			}
		}
		if (!found.isEmpty()) {
			throw new RuleViolation("SCRIPT_NOT_ALLOWED", "流程模型中不允许使用脚本（请改用服务任务调用系统提供的组件）：" + String.join("、", found));
		}
	}

	private static void scriptsIn(String resource, BpmnModelInstance model, List<String> found) {
		model.getModelElementsByType(ScriptTask.class).forEach((task) -> found.add(resource + " " + task.getId()));
		model.getModelElementsByType(CamundaScript.class)
			.forEach((script) -> found.add(resource + " " + owner(script)));
		model.getModelElementsByType(ConditionExpression.class)
			.stream()
			.filter((condition) -> isScript(condition.getLanguage()))
			.forEach((condition) -> found.add(resource + " " + owner(condition)));
	}

	private static void scriptsIn(String resource, DmnModelInstance model, List<String> found) {
		walk(model.getDocument().getRootElement(), resource, found);
	}

	/** Every DMN element may name its own expression language. */
	private static void walk(DomElement element, String resource, List<String> found) {
		String language = element.getAttribute("expressionLanguage");
		if (isScript(language)) {
			String id = element.getAttribute("id");
			found.add(resource + " " + ((id != null) ? id : element.getLocalName()));
		}
		element.getChildElements().forEach((child) -> walk(child, resource, found));
	}

	private static boolean isScript(String language) {
		return language != null && !language.isBlank()
				&& !EXPRESSION_LANGUAGES.contains(language.strip().toLowerCase(Locale.ROOT));
	}

	/** The id of the nearest element that has one, to name where a script sits. */
	private static String owner(ModelElementInstance element) {
		for (ModelElementInstance current = element; current != null; current = current.getParentElement()) {
			String id = current.getAttributeValue("id");
			if (id != null) {
				return id;
			}
		}
		return element.getElementType().getTypeName();
	}

}
