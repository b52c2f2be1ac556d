package org.minyi.piece;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.minyi.engine.EveryProcessListener;
import org.springframework.stereotype.Component;

/**
 * Revokes a process instance's own read grants when it ends, in every model: they are for
 * Cockpit and engine-rest while the instance runs, and the record of an ended piece is
 * read from the application's tables. Left behind, they would pile up with the years, and
 * the engine reads the whole authorization table's groups on every authorization-checked
 * command.
 */
@Component
class InstanceGrantsRevoker implements EveryProcessListener {

	private final PieceAuthorizations authorizations;

	InstanceGrantsRevoker(PieceAuthorizations authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public Set<String> events() {
		return Set.of(EVENTNAME_END);
	}

	@Override
	public void notify(DelegateExecution execution) {
		this.authorizations.revokeFor(execution.getProcessInstanceId());
	}

}
