package org.minyi.instruction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A leader's written instruction on a piece, naming the lead department first, then
 * co-handling ones.
 */
@Entity
@Table(name = "minyi_instruction")
public class Instruction {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long pieceId;

	private String leaderCode;

	private String leaderLevel;

	private LocalDate instructedOn;

	private String text;

	private String departments;

	private Instant recordedAt;

	private String recordedBy;

	private String messageId;

	protected Instruction() {
	}

	Instruction(Long pieceId, String leaderCode, String leaderLevel, LocalDate instructedOn, String text,
			List<String> departments, Instant recordedAt, String recordedBy, String messageId) {
		this.pieceId = pieceId;
		this.leaderCode = leaderCode;
		this.leaderLevel = leaderLevel;
		this.instructedOn = instructedOn;
		this.text = text;
		this.departments = String.join(",", departments);
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

	public String leaderCode() {
		return this.leaderCode;
	}

	public String leaderLevel() {
		return this.leaderLevel;
	}

	public LocalDate instructedOn() {
		return this.instructedOn;
	}

	public String text() {
		return this.text;
	}

	/** The lead department (主办) first, then the co-handling ones (协办). */
	public List<String> departments() {
		// None when the leader named no department (「阅」).
		return this.departments.isEmpty() ? List.of() : Arrays.asList(this.departments.split(","));
	}

	public String messageId() {
		return this.messageId;
	}

}
