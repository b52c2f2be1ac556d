package org.minyi.followup;

import org.minyi.piece.PieceFacts;
import org.minyi.piece.TimelineEvent;

/**
 * A step of a department's follow-up case (交办, 提醒, 超期, 催办, 延期, 办复, 办复通过, 申请退回, 重新交办); its
 * department reads its comment. Listeners tell the steps apart by {@link Step}; the case
 * is that of the instruction {@code instructionId}.
 */
public record CaseStepRecorded(PieceFacts piece, Long caseId, Long instructionId, String departmentCode, String actorId,
		Step kind, String decision, String comment) implements TimelineEvent {

	/** The steps of a case, with the codes the timeline stores. */
	public enum Step {

		OPENED("case-opened", "交办"), REMINDED("reminded", "办理提醒"), OVERDUE("overdue", "办理超期"), CHASED("chased", "催办"),
		EXTENDED("extended", "延期"), REPLIED("replied", "部门办复"), REPLY_ACCEPTED("reply-accepted", "办复通过"),
		HAND_BACK_REQUESTED("hand-back-requested", "申请退回"), REASSIGNED("reassigned", "重新交办");

		private final String code;

		private final String displayName;

		Step(String code, String displayName) {
			this.code = code;
			this.displayName = displayName;
		}

	}

	@Override
	public Long pieceId() {
		return this.piece.id();
	}

	@Override
	public String step() {
		return this.kind.code;
	}

	@Override
	public String stepName() {
		return this.kind.displayName;
	}

}
