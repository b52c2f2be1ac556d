package org.minyi.statistics;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An instruction as the report counts its department cases: by when it was recorded and
 * the unit of its piece. Mapped like the instruction's own {@code recorded_at}, so both
 * store the instant alike.
 */
@Entity
@Table(name = "minyi_stat_instruction")
class InstructionFact {

	@Id
	private Long instructionId;

	private Long pieceId;

	private String unit;

	private Instant recordedAt;

	protected InstructionFact() {
	}

	InstructionFact(Long instructionId, Long pieceId, String unit, Instant recordedAt) {
		this.instructionId = instructionId;
		this.pieceId = pieceId;
		this.unit = unit;
		this.recordedAt = recordedAt;
	}

}
