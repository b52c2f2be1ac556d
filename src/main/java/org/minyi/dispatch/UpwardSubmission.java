package org.minyi.dispatch;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A piece sent up to a higher committee (上报), waiting for its answer until it comes or
 * the wait ends.
 */
@Entity
@Table(name = "minyi_upward_submission")
public class UpwardSubmission {

	public enum Status {

		AWAITING, ANSWERED, NO_ANSWER

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long pieceId;

	private String level;

	private Instant submittedAt;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Instant closedAt;

	protected UpwardSubmission() {
	}

	UpwardSubmission(Long pieceId, Level level, Instant submittedAt) {
		this.pieceId = pieceId;
		this.level = level.code();
		this.submittedAt = submittedAt;
		this.status = Status.AWAITING;
	}

	void close(Status status, Instant now) {
		this.status = status;
		this.closedAt = now;
	}

	public String level() {
		return this.level;
	}

	public Status status() {
		return this.status;
	}

}
