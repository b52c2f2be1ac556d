package org.minyi.piece;

/** A department cleared to read one confidential piece (列入知悉范围). */
public record PieceCleared(Long pieceId, String departmentCode, String actorId) implements TimelineEvent {

	static final String STEP = "cleared";

	@Override
	public String step() {
		return STEP;
	}

	@Override
	public String stepName() {
		return "列入知悉范围";
	}

	@Override
	public String decision() {
		return this.departmentCode;
	}

	@Override
	public String comment() {
		return "承办本条涉密信息，知悉范围仅限本条";
	}

}
