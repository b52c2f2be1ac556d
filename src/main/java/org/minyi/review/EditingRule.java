package org.minyi.review;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.minyi.piece.PieceProcess;
import org.minyi.taskform.TaskCompletionRule;
import org.springframework.stereotype.Component;

/**
 * A merge must name a live piece to merge into; checked before the editor's task
 * completes.
 */
@Component
class EditingRule implements TaskCompletionRule {

	private final ReviewService review;

	EditingRule(ReviewService review) {
		this.review = review;
	}

	@Override
	public Set<String> taskDefinitionKeys() {
		return Set.of(PieceProcess.TASK_EDIT);
	}

	@Override
	public void check(DelegateTask task) {
		if (PieceProcess.MERGE.equals(task.getVariable(PieceProcess.EDIT_ACTION))) {
			this.review.mergeTarget((Long) task.getVariable(PieceProcess.PIECE_ID),
					(String) task.getVariable(PieceProcess.MERGE_INTO));
		}
	}

}
