package org.minyi.dispatch;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.minyi.piece.Piece;
import org.springframework.stereotype.Component;

/** Lists the signed-off pieces waiting for an issue, for the assembly form. */
@Component("prepareIssueDelegate")
class PrepareIssueDelegate implements JavaDelegate {

	private final DispatchService dispatch;

	PrepareIssueDelegate(DispatchService dispatch) {
		this.dispatch = dispatch;
	}

	@Override
	public void execute(DelegateExecution execution) {
		List<Piece> waiting = this.dispatch.awaitingPublication();
		StringBuilder text = new StringBuilder();
		for (Piece piece : waiting) {
			text.append(piece.registrationNumber())
				.append("  ")
				.append(piece.currentText().title())
				.append(piece.isConfidential() ? "（涉密）" : "")
				.append('\n');
		}
		execution.setVariable(DispatchProcess.AWAITING_PIECES,
				waiting.isEmpty() ? "目前没有待刊发的已签发信息。" : text.toString().stripTrailing());
	}

}
