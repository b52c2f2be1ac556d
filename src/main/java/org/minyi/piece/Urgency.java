package org.minyi.piece;

import org.minyi.common.Coded;

/** 一般 or 急事急报: urgent pieces may take a faster sign-off path (see signoff-levels.dmn). */
public enum Urgency implements Coded {

	NORMAL("normal", "一般"), URGENT("urgent", "紧急");

	private final String code;

	private final String displayName;

	Urgency(String code, String displayName) {
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
