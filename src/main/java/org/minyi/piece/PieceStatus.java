package org.minyi.piece;

/** Where a piece stands in its lifecycle; shown to the submitter in "my pieces". */
public enum PieceStatus {

	SUBMITTED("已提交"), RETURNED("退回修改"), VERIFYING("核实中"), EDITING("编辑中"), SIGNING_OFF("审签中"), SIGNED_OFF("已签发"),
	PUBLISHED("已刊发"), DISPATCHED("已报送"), ARCHIVED("已归档"), NOT_ADOPTED("不予采用"), WITHDRAWN("已撤回"), MERGED("已综合");

	private final String displayName;

	PieceStatus(String displayName) {
		this.displayName = displayName;
	}

	public String displayName() {
		return this.displayName;
	}

	/** A piece in a final status is read-only and its process has ended. */
	public boolean isFinal() {
		return this == NOT_ADOPTED || this == WITHDRAWN || this == MERGED;
	}

}
