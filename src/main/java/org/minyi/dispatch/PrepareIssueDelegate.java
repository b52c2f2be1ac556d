package org.minyi.dispatch;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.minyi.piece.Piece;
import org.springframework.stereotype.Component;

/**
 * Lists the signed-off pieces waiting for an issue, oldest first, for the assembly form.
 * The list is a text variable, which the engine stores in at most 4,000 characters: it
 * holds as many pieces as fit and says how many more there are, so a burst of pieces
 * never stops publication.
 */
@Component("prepareIssueDelegate")
class PrepareIssueDelegate implements JavaDelegate {

	/** Below the engine's 4,000 characters, leaving room for the closing line. */
	static final int MAX_LENGTH = 3_600;

	/** A piece's line is at most about 120 characters (a title has 100). */
	private static final int MAX_LISTED = MAX_LENGTH / 20;

	private final PublicationService publication;

	PrepareIssueDelegate(PublicationService publication) {
		this.publication = publication;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long total = this.publication.countAwaitingPublication();
		if (total == 0) {
			execution.setVariable(DispatchProcess.AWAITING_PIECES, "目前没有待刊发的已签发信息。");
			return;
		}
		List<Piece> oldest = this.publication.awaitingPublication(MAX_LISTED);
		StringBuilder text = new StringBuilder("共 " + total + " 条待刊发的已签发信息（按登记先后）：\n");
		int listed = 0;
		for (Piece piece : oldest) {
			String line = piece.registrationNumber() + "  " + piece.currentText().title()
					+ (piece.isConfidential() ? "（涉密）" : "") + "\n";
			if (text.length() + line.length() > MAX_LENGTH) {
				break;
			}
			text.append(line);
			listed++;
		}
		if (listed < total) {
			text.append("……另有 ").append(total - listed).append(" 条未列出（完整清单：GET /api/bulletin-issues/awaiting）");
		}
		execution.setVariable(DispatchProcess.AWAITING_PIECES, text.toString().stripTrailing());
	}

}
