package org.minyi.dispatch;

import org.minyi.common.Coded;

/** Where a piece is adopted: this committee or a higher one. */
public enum Level implements Coded {

	COMMITTEE("committee", "本级政协"), CITY("city", "市政协"), PROVINCE("province", "省政协"), NATIONAL("national", "全国政协");

	private final String code;

	private final String displayName;

	Level(String code, String displayName) {
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
