package org.minyi.piece;

/**
 * A user task of a piece's processes completed: who, which step, which decision, which
 * comment.
 */
public record TaskCompleted(Long pieceId, String departmentCode, String actorId, String taskDefinitionKey,
		String taskName, String decision, String comment) implements TimelineEvent {

	@Override
	public String step() {
		return this.taskDefinitionKey;
	}

	@Override
	public String stepName() {
		return this.taskName;
	}

}
