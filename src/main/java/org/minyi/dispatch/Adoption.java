package org.minyi.dispatch;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What one level did with a piece: adopted it (and how) or not. Statistics score these
 * records with the piece's credits, so a record carries everything scoring needs: level,
 * form and date.
 */
@Entity
@Table(name = "minyi_adoption")
public class Adoption {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long pieceId;

	private String level;

	private String form;

	private LocalDate adoptedOn;

	private String reference;

	private Instant recordedAt;

	private String recordedBy;

	private String messageId;

	protected Adoption() {
	}

	Adoption(Long pieceId, Level level, AdoptionForm form, LocalDate adoptedOn, String reference, Instant recordedAt,
			String recordedBy, String messageId) {
		this.pieceId = pieceId;
		this.level = level.code();
		this.form = form.code();
		this.adoptedOn = adoptedOn;
		this.reference = reference;
		this.recordedAt = recordedAt;
		this.recordedBy = recordedBy;
		this.messageId = messageId;
	}

	public Long id() {
		return this.id;
	}

	public Long pieceId() {
		return this.pieceId;
	}

	public String level() {
		return this.level;
	}

	public String form() {
		return this.form;
	}

	public LocalDate adoptedOn() {
		return this.adoptedOn;
	}

	public String reference() {
		return this.reference;
	}

	public String messageId() {
		return this.messageId;
	}

}
