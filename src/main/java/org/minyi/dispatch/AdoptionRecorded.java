package org.minyi.dispatch;

import org.minyi.piece.PieceFacts;
import org.minyi.piece.TimelineEvent;

/**
 * A higher committee's answer: adopted at its level in this form, or not adopted
 * ({@link AdoptionForm#NOT_ADOPTED}).
 */
public record AdoptionRecorded(PieceFacts piece, String actorId, Level level, AdoptionForm form,
		String reference) implements TimelineEvent {

	@Override
	public Long pieceId() {
		return this.piece.id();
	}

	public boolean adopted() {
		return this.form != AdoptionForm.NOT_ADOPTED;
	}

	@Override
	public String step() {
		return "adoption-" + this.level.code();
	}

	@Override
	public String stepName() {
		return this.level.displayName() + this.form.displayName();
	}

	@Override
	public String decision() {
		return this.form.code();
	}

	@Override
	public String comment() {
		return this.reference;
	}

}
