package org.minyi.intake;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.minyi.piece.PieceProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deletes, at every start, the {@link PieceProcess#RETIRED_DUPLICATE_CANDIDATES} that
 * installations before issue 17 stored: in running processes and in the history (with its
 * variable updates), where every reader of a process could read other pieces' titles in
 * them. After the first start there is nothing left to find, so a later start only asks;
 * it keeps asking because a node of the previous version may still have written some
 * during a rolling update.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RetiredVariables implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RetiredVariables.class);

	/** Deleted a page at a time, so that a large history is not loaded whole. */
	private static final int PAGE = 500;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final HistoryService historyService;

	RetiredVariables(RuntimeService runtimeService, TaskService taskService, HistoryService historyService) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.historyService = historyService;
	}

	@Override
	public void run(ApplicationArguments args) {
		String name = PieceProcess.RETIRED_DUPLICATE_CANDIDATES;
		long running = this.runtimeService.createVariableInstanceQuery().variableName(name).count();
		// Each page is removed before the next is read, so the next is again the first;
		// bounded by the count.
		for (long done = 0; done < running; done += PAGE) {
			for (VariableInstance variable : this.runtimeService.createVariableInstanceQuery()
				.variableName(name)
				.listPage(0, PAGE)) {
				if (variable.getTaskId() != null) {
					this.taskService.removeVariableLocal(variable.getTaskId(), name);
				}
				else {
					this.runtimeService.removeVariableLocal(variable.getExecutionId(), name);
				}
			}
		}
		// Removing a running variable leaves a deleted historic one behind, so history
		// comes second.
		long historic = this.historyService.createHistoricVariableInstanceQuery()
			.variableName(name)
			.includeDeleted()
			.count();
		for (long done = 0; done < historic; done += PAGE) {
			for (HistoricVariableInstance variable : this.historyService.createHistoricVariableInstanceQuery()
				.variableName(name)
				.includeDeleted()
				.listPage(0, PAGE)) {
				this.historyService.deleteHistoricVariableInstance(variable.getId());
			}
		}
		if (running + historic > 0) {
			log.info("Deleted {} running and {} historic '{}' variables (issue 17)", running, historic, name);
		}
	}

}
