package org.minyi.followup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.minyi.engine.EngineTime;
import org.springframework.stereotype.Component;

/**
 * An instruction's follow-up is done. Setting a variable on the piece's process makes the
 * engine evaluate the archive condition ("all follow-up closed") again.
 */
@Component("noteFollowupsClosed")
class NoteFollowupsClosedDelegate implements JavaDelegate {

	@Override
	public void execute(DelegateExecution execution) {
		execution.getProcessInstance().setVariable("followupsClosedAt", EngineTime.now());
	}

}
