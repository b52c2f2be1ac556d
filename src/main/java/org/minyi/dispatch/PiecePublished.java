package org.minyi.dispatch;

import org.minyi.piece.PieceFacts;
import org.minyi.piece.TimelineEvent;

/**
 * A piece carried by a bulletin issue: adopted by this committee, as a single piece or
 * combined from several ({@code form}).
 */
public record PiecePublished(PieceFacts piece, String actorId, String publicationCode, String issueLabel,
		AdoptionForm form) implements TimelineEvent {

	@Override
	public Long pieceId() {
		return this.piece.id();
	}

	@Override
	public String step() {
		return "published";
	}

	@Override
	public String stepName() {
		return "刊发";
	}

	@Override
	public String decision() {
		return this.publicationCode;
	}

	@Override
	public String comment() {
		return this.issueLabel;
	}

}
