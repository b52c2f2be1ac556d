package org.minyi.piece;

import org.minyi.common.Coded;

/** 公开, 内部 or 涉密. Confidential pieces are seen only by the groups of {@link PieceAccess}. */
public enum Confidentiality implements Coded {

	PUBLIC("public", "公开"), INTERNAL("internal", "内部"), CONFIDENTIAL("confidential", "涉密");

	private final String code;

	private final String displayName;

	Confidentiality(String code, String displayName) {
		this.code = code;
		this.displayName = displayName;
	}

	@Override
	public String code() {
		return this.code;
	}

	@Override
	public String displayName() {
		return this.displayName;
	}
}
