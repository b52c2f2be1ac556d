package org.minyi.dispatch;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.minyi.engine.EngineUser;
import org.minyi.piece.PieceProcess;
import org.springframework.stereotype.Component;

/**
 * Records the dispatch forms and upward submissions the info-section chose in the
 * dispatch task.
 */
@Component("recordDispatchDelegate")
class RecordDispatchDelegate implements JavaDelegate {

	private final DispatchService dispatch;

	private final IdentityService identityService;

	RecordDispatchDelegate(DispatchService dispatch, IdentityService identityService) {
		this.dispatch = dispatch;
		this.identityService = identityService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		List<String> levels = new ArrayList<>();
		if (flag(execution, DispatchProcess.UPWARD_CITY)) {
			levels.add(Level.CITY.code());
		}
		if (flag(execution, DispatchProcess.UPWARD_PROVINCE)) {
			levels.add(Level.PROVINCE.code());
		}
		if (flag(execution, DispatchProcess.UPWARD_NATIONAL)) {
			levels.add(Level.NATIONAL.code());
		}
		this.dispatch.dispatch((Long) execution.getVariable(PieceProcess.PIECE_ID),
				flag(execution, DispatchProcess.DIRECT_REPORT), flag(execution, DispatchProcess.FORWARD_REPORT),
				(String) execution.getVariable(DispatchProcess.REFERRAL_DEPARTMENT), levels,
				EngineUser.currentId(this.identityService));
	}

	private static boolean flag(DelegateExecution execution, String name) {
		return Boolean.TRUE.equals(execution.getVariable(name));
	}

}
