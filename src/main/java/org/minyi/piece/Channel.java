package org.minyi.piece;

import org.minyi.common.Coded;

/**
 * How a piece reached the committee: written online by its submitter, or registered by
 * the info-section.
 */
public enum Channel implements Coded {

	ONLINE("online", "网上报送"), PHONE("phone", "电话"), LETTER("letter", "来信"), VISIT("visit", "来访"),
	WEB_MAILBOX("web-mailbox", "网上信箱"), PROPOSAL("proposal", "提案转化"), RESEARCH_REPORT("research-report", "调研报告"),
	INSPECTION("inspection", "视察"), RECEPTION_DAY("reception-day", "主席接待日");

	private final String code;

	private final String displayName;

	Channel(String code, String displayName) {
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
