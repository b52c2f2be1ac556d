package org.minyi.piece;

/**
 * A piece moved to a status a model names ({@code setPieceStatus}), with the reason its
 * submitter is told.
 */
public record PieceStatusChanged(PieceFacts piece, String activityId, PieceStatus status,
		String reason) implements TimelineEvent {

	@Override
	public Long pieceId() {
		return this.piece.id();
	}

	@Override
	public String actorId() {
		return null;
	}

	@Override
	public String step() {
		return this.activityId;
	}

	@Override
	public String stepName() {
		return this.status.displayName();
	}

	@Override
	public String decision() {
		return this.status.name();
	}

	@Override
	public String comment() {
		return this.reason;
	}

}
