package org.minyi.feedback;

import org.minyi.piece.PieceFacts;

/**
 * The milestones of a piece for its submitter, and what the submitter is told at each.
 */
final class Milestones {

	static final String REGISTERED = "registered";

	static final String RETURNED = "returned";

	static final String NOT_ADOPTED = "not-adopted";

	static final String PUBLISHED = "published";

	static final String ADOPTED = "adopted";

	static final String INSTRUCTED = "instructed";

	static final String REPLIED = "replied";

	static final String ARCHIVED = "archived";

	private Milestones() {
	}

	/**
	 * What the submitter is told; {@code detail} is the reason, the issue, the level or
	 * the reply.
	 */
	static String message(String milestone, PieceFacts piece, String detail) {
		String title = "《" + piece.title() + "》";
		String comment = (detail == null) ? "" : detail;
		return switch (milestone) {
			case REGISTERED -> "您的信息" + title + "已登记，登记号 " + piece.registrationNumber() + "。";
			case RETURNED -> "您的信息" + title + "被退回修改，意见：" + comment;
			case NOT_ADOPTED -> "您的信息" + title + "不予采用，理由：" + comment;
			case PUBLISHED -> "您的信息" + title + "已在" + comment + "刊发，视为本级政协采用。";
			case ADOPTED -> "您的信息" + title + "已被" + comment + "。";
			case INSTRUCTED -> "您的信息" + title + "获得领导批示。";
			case REPLIED -> "您的信息" + title + "反映的问题，承办单位已办复：" + comment;
			case ARCHIVED -> "您的信息" + title + "已办理完毕并归档。";
			default -> throw new IllegalArgumentException(milestone);
		};
	}

}
