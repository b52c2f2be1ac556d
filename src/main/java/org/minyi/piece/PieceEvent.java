package org.minyi.piece;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of a piece's timeline: who did what at which step, with which decision and
 * comment; for an event of a department's follow-up case, that department. Who reads the
 * comment: {@link CommentAudience}.
 */
@Entity
@Table(name = "minyi_piece_event")
public class PieceEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long pieceId;

	private Instant occurredAt;

	private String actorId;

	private String step;

	private String stepName;

	private String decision;

	private String comment;

	private String departmentCode;

	protected PieceEvent() {
	}

	PieceEvent(Long pieceId, Instant occurredAt, String actorId, String step, String stepName, String decision,
			String comment, String departmentCode) {
		this.pieceId = pieceId;
		this.occurredAt = occurredAt;
		this.actorId = actorId;
		this.step = step;
		this.stepName = stepName;
		this.decision = decision;
		this.comment = comment;
		this.departmentCode = departmentCode;
	}

	public Long pieceId() {
		return this.pieceId;
	}

	public Instant occurredAt() {
		return this.occurredAt;
	}

	public String actorId() {
		return this.actorId;
	}

	public String step() {
		return this.step;
	}

	public String stepName() {
		return this.stepName;
	}

	public String decision() {
		return this.decision;
	}

	public String comment() {
		return this.comment;
	}

	public String departmentCode() {
		return this.departmentCode;
	}

}
