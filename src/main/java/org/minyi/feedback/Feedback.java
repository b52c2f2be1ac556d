package org.minyi.feedback;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One thing a submitter is told about their piece. */
@Entity
@Table(name = "minyi_feedback")
public class Feedback {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long pieceId;

	private String userId;

	private String milestone;

	private String message;

	private Instant createdAt;

	private Instant readAt;

	protected Feedback() {
	}

	Feedback(Long pieceId, String userId, String milestone, String message, Instant createdAt) {
		this.pieceId = pieceId;
		this.userId = userId;
		this.milestone = milestone;
		this.message = message;
		this.createdAt = createdAt;
	}

	void markRead(Instant now) {
		if (this.readAt == null) {
			this.readAt = now;
		}
	}

	public Long id() {
		return this.id;
	}

	public Long pieceId() {
		return this.pieceId;
	}

	public String userId() {
		return this.userId;
	}

	public String milestone() {
		return this.milestone;
	}

	public String message() {
		return this.message;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public boolean isRead() {
		return this.readAt != null;
	}

}
