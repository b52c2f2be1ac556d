package org.minyi.support;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

/**
 * The application's process engine for tests: one field in a test class instead of one
 * field for each service, with names short enough to keep the calls on their lines.
 */
public record Engine(ProcessEngine processEngine) {

	public RuntimeService runtime() {
		return this.processEngine.getRuntimeService();
	}

	public TaskService tasks() {
		return this.processEngine.getTaskService();
	}

	public HistoryService history() {
		return this.processEngine.getHistoryService();
	}

	public ManagementService management() {
		return this.processEngine.getManagementService();
	}

	public RepositoryService repository() {
		return this.processEngine.getRepositoryService();
	}

	public IdentityService identity() {
		return this.processEngine.getIdentityService();
	}

	public AuthorizationService authorization() {
		return this.processEngine.getAuthorizationService();
	}

	public FormService forms() {
		return this.processEngine.getFormService();
	}

	public FilterService filters() {
		return this.processEngine.getFilterService();
	}

}
