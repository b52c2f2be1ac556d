package org.minyi.engine;

import java.io.InputStream;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * Which deployed resource is the form of a task or a start event, resolved exactly as
 * {@link org.camunda.bpm.engine.FormService#getDeployedTaskForm} resolves it
 * ({@code camunda:formRef} with any binding, or a {@code deployment:} form key) but
 * without reading it. A deployment's resources never change, so what is read from a
 * resource once holds for as long as the resource is named. Resolved and read on the
 * application's behalf: the check of a form must not depend on what the user may read.
 */
@Component
public class DeployedForms {

	private final CommandExecutor commandExecutor;

	/** Takes the built engine, whose command executor exists only then. */
	DeployedForms(ProcessEngine processEngine) {
		this.commandExecutor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
			.getCommandExecutorTxRequired();
	}

	/**
	 * The form of the task, a {@link BadUserRequestException} (as the engine's) for a
	 * task without a deployed form or one whose form is gone.
	 */
	public DeployedForm taskForm(String taskId) {
		TaskFormResource command = new TaskFormResource(taskId);
		this.commandExecutor.execute(command);
		return command.form;
	}

	/** As {@link #taskForm}, for the start form of a process definition. */
	public DeployedForm startForm(String processDefinitionId) {
		StartFormResource command = new StartFormResource(processDefinitionId);
		this.commandExecutor.execute(command);
		return command.form;
	}

	/** The content of the form; the caller closes it. */
	public InputStream content(DeployedForm form) {
		return this.commandExecutor.execute((context) -> context
			.runWithoutAuthorization(new GetDeploymentResourceCmd(form.deploymentId(), form.resourceName())));
	}

	/** A form as a resource of a deployment. */
	public record DeployedForm(String deploymentId, String resourceName) {

	}

	private static final class TaskFormResource extends GetDeployedTaskFormCmd {

		private DeployedForm form;

		TaskFormResource(String taskId) {
			super(taskId);
		}

		@Override
		protected void checkAuthorization() {
		}

		@Override
		protected InputStream getDeploymentResource(String deploymentId, String resourceName) {
			this.form = new DeployedForm(deploymentId, resourceName);
			return InputStream.nullInputStream();
		}

	}

	private static final class StartFormResource extends GetDeployedStartFormCmd {

		private DeployedForm form;

		StartFormResource(String processDefinitionId) {
			super(processDefinitionId);
		}

		@Override
		protected void checkAuthorization() {
		}

		@Override
		protected InputStream getDeploymentResource(String deploymentId, String resourceName) {
			this.form = new DeployedForm(deploymentId, resourceName);
			return InputStream.nullInputStream();
		}

	}

}
