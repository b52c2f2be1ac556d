package org.minyi.piece;

import org.minyi.common.Coded;

/**
 * 公开, 内部 or 涉密. Confidential pieces are read only by those {@link PieceAccess} clears;
 * everyone else is shown {@link #MASK} in place of the title or any text.
 */
public enum Confidentiality implements Coded {

	PUBLIC("public", "公开"), INTERNAL("internal", "内部"), CONFIDENTIAL("confidential", "涉密");

	/**
	 * What a reader not cleared sees in place of a confidential piece's title or text.
	 */
	public static final String MASK = "（涉密信息）";

	/**
	 * A confidential piece named without its title, where a message must say which piece
	 * it is about.
	 */
	public static String reference(String registrationNumber) {
		return "一条涉密信息（" + ((registrationNumber == null) ? "待登记" : "登记号 " + registrationNumber) + "）";
	}

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
