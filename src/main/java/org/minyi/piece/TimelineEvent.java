package org.minyi.piece;

/**
 * A fact about a piece, published by the capability that owns it (a typed, past-tense
 * event such as {@code PieceRegistered} or {@code AdoptionRecorded}) inside the
 * transaction that makes it true. The piece's timeline is one listener and keeps the
 * entry this interface describes; statistics, feedback and notifications listen to the
 * types they need.
 */
public interface TimelineEvent {

	Long pieceId();

	/** Who did it; {@code null} for the system (a timer, a service task). */
	String actorId();

	/** The entry's step, a stable code the timeline stores. */
	String step();

	String stepName();

	String decision();

	/** What the actor wrote, if anything; who reads it is for {@link CommentAudience}. */
	String comment();

	/**
	 * The department whose follow-up case the entry belongs to: that department reads its
	 * comment.
	 */
	default String departmentCode() {
		return null;
	}

}
