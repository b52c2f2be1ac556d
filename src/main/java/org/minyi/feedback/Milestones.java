package org.minyi.feedback;

import org.minyi.piece.Piece;
import org.minyi.piece.PieceEventRecorded;
import org.minyi.piece.PieceProcess;

/** Which timeline events are milestones for the submitter, and what they are told. */
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

	static String of(PieceEventRecorded event) {
		String step = event.step();
		if ("registered".equals(step)) {
			return switch (String.valueOf(event.decision())) {
				case PieceProcess.ACCEPT -> REGISTERED;
				case PieceProcess.RETURN -> RETURNED;
				default -> null;
			};
		}
		if ("NOT_ADOPTED".equals(event.decision())) {
			return NOT_ADOPTED;
		}
		if ("published".equals(step)) {
			return PUBLISHED;
		}
		if (step.startsWith("adoption-") && !"not-adopted".equals(event.decision())) {
			return ADOPTED;
		}
		if ("instructed".equals(step)) {
			return INSTRUCTED;
		}
		if ("reply-accepted".equals(step)) {
			return REPLIED;
		}
		if ("ARCHIVED".equals(event.decision())) {
			return ARCHIVED;
		}
		return null;
	}

	static String message(String milestone, Piece piece, PieceEventRecorded event) {
		String title = "《" + piece.originalText().title() + "》";
		String comment = (event.comment() == null) ? "" : event.comment();
		return switch (milestone) {
			case REGISTERED -> "您的信息" + title + "已登记，登记号 " + piece.registrationNumber() + "。";
			case RETURNED -> "您的信息" + title + "被退回修改，意见：" + comment;
			case NOT_ADOPTED -> "您的信息" + title + "不予采用，理由：" + comment;
			case PUBLISHED -> "您的信息" + title + "已在" + comment + "刊发，视为本级政协采用。";
			case ADOPTED -> "您的信息" + title + "已被" + event.stepName() + "。";
			case INSTRUCTED -> "您的信息" + title + "获得领导批示。";
			case REPLIED -> "您的信息" + title + "反映的问题，承办单位已办复：" + comment;
			case ARCHIVED -> "您的信息" + title + "已办理完毕并归档。";
			default -> throw new IllegalArgumentException(milestone);
		};
	}

}
