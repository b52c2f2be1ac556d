package org.minyi.dispatch;

import org.minyi.common.Coded;

/** How a level adopted a piece (单篇, 综合, 转送), or that it did not. */
public enum AdoptionForm implements Coded {

	SINGLE("single", "单篇采用"), COMBINED("combined", "综合采用"), FORWARDED("forwarded", "转送采用"),
	NOT_ADOPTED("not-adopted", "未采用");

	private final String code;

	private final String displayName;

	AdoptionForm(String code, String displayName) {
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
