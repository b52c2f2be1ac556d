package org.minyi.followup;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.minyi.common.RuleViolation;
import org.minyi.piece.Confidentiality;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceVariables;
import org.minyi.taskform.TaskCompletionRule;
import org.springframework.stereotype.Component;

/**
 * The text of a confidential piece in the handling task of a department cleared for it,
 * and nowhere else in the follow-up. The follow-up's own variables are masked
 * (piece/MaskConfidentialTextMapping), since supervisors read them through their tasks; a
 * task's local variables are read only by those who may read the task: the department's
 * group and the info-section. Set when the task is created, so a case reassigned to
 * another department shows the text to the new one.
 * <p>
 * Tasklist submits a form's read-only fields to the task itself; engine-rest's
 * {@code complete} would write them to the follow-up, where supervisors read them. A
 * completion that did is refused with {@code CONFIDENTIAL_TEXT_NOT_ALLOWED}, before
 * anything is stored.
 */
@Component("showTextToClearedDepartment")
class HandlingTaskText implements TaskListener, TaskCompletionRule {

	private final PieceRepository pieces;

	HandlingTaskText(PieceRepository pieces) {
		this.pieces = pieces;
	}

	@Override
	public void notify(DelegateTask task) {
		Piece piece = piece(task);
		if (!piece.isConfidential() || !piece.clears(Set.of((String) task.getVariable(FollowupProcess.DEPARTMENT)))) {
			return;
		}
		// Over the mask only: a follow-up called by a piece's process older than the
		// masking holds the text.
		PieceVariables.text(piece).forEach((name, value) -> {
			if (Confidentiality.MASK.equals(task.getVariable(name))) {
				task.setVariableLocal(name, value);
			}
		});
	}

	@Override
	public Set<String> taskDefinitionKeys() {
		return Set.of(FollowupProcess.TASK_HANDLE);
	}

	@Override
	public void check(DelegateTask task) {
		if (!piece(task).isConfidential()) {
			return;
		}
		DelegateExecution followup = task.getExecution();
		boolean written = PieceVariables.TEXT.stream()
			.anyMatch(
					(name) -> task.hasVariableLocal(name) && !Confidentiality.MASK.equals(followup.getVariable(name)));
		if (written) {
			throw new RuleViolation("CONFIDENTIAL_TEXT_NOT_ALLOWED", "涉密信息的标题和内容只显示给承办单位，不能随办理结果提交；请不要提交只读字段");
		}
	}

	private Piece piece(DelegateTask task) {
		return this.pieces.findById((Long) task.getVariable(PieceProcess.PIECE_ID)).orElseThrow();
	}

}
