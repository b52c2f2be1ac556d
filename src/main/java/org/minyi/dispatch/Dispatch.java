package org.minyi.dispatch;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One piece sent to one recipient by one dispatch form. */
@Entity
@Table(name = "minyi_dispatch")
public class Dispatch {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long pieceId;

	private String formCode;

	private String recipientCode;

	private Instant dispatchedAt;

	private String dispatchedBy;

	protected Dispatch() {
	}

	Dispatch(Long pieceId, String formCode, String recipientCode, Instant dispatchedAt, String dispatchedBy) {
		this.pieceId = pieceId;
		this.formCode = formCode;
		this.recipientCode = recipientCode;
		this.dispatchedAt = dispatchedAt;
		this.dispatchedBy = dispatchedBy;
	}

	public Long pieceId() {
		return this.pieceId;
	}

	public String formCode() {
		return this.formCode;
	}

	public String recipientCode() {
		return this.recipientCode;
	}

}
