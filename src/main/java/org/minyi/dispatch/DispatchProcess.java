package org.minyi.dispatch;

/**
 * Names in {@code bpmn/dispatch.bpmn} and {@code bpmn/bulletin.bpmn}: keys, element ids,
 * variables, messages.
 */
public final class DispatchProcess {

	public static final String KEY = "minyi-dispatch";

	public static final String BULLETIN_KEY = "minyi-bulletin";

	// Elements of the dispatch part of a piece's lifecycle
	public static final String WAIT_PUBLISHED = "wait_published";

	public static final String TASK_DISPATCH = "task_dispatch";

	public static final String SUB_UPWARD = "sub_upward";

	public static final String TASK_RECORD_ANSWER = "task_record_answer";

	public static final String TIMER_NO_ANSWER = "timer_no_answer";

	public static final String END_DISPATCHED = "end_dispatch_done";

	// Elements of the bulletin process
	public static final String TASK_ASSEMBLE_ISSUE = "task_assemble_issue";

	public static final String TASK_DISTRIBUTE_ISSUE = "task_distribute_issue";

	// Messages
	public static final String MESSAGE_PUBLISHED = "PiecePublished";

	/**
	 * One message name per level: {@code UpwardAnswer-city},
	 * {@code UpwardAnswer-province}, ...
	 */
	public static final String MESSAGE_UPWARD_ANSWER_PREFIX = "UpwardAnswer-";

	// Variables
	public static final String PUBLICATION = "publicationCode";

	public static final String AWAITING_PIECES = "awaitingPieces";

	public static final String PIECE_NUMBERS = "pieceNumbers";

	public static final String ISSUE_ID = "issueId";

	public static final String ISSUE_LABEL = "issueLabel";

	public static final String DOCUMENT_URL = "documentUrl";

	public static final String DIRECT_REPORT = "directReport";

	public static final String FORWARD_REPORT = "forwardReport";

	public static final String REFERRAL_DEPARTMENT = "referralDepartment";

	public static final String UPWARD_CITY = "upwardCity";

	public static final String UPWARD_PROVINCE = "upwardProvince";

	public static final String UPWARD_NATIONAL = "upwardNational";

	public static final String UPWARD_LEVEL = "upwardLevel";

	public static final String ADOPTION_FORM = "adoptionForm";

	public static final String ADOPTED_ON = "adoptedOn";

	public static final String ADOPTION_REFERENCE = "adoptionReference";

	private DispatchProcess() {
	}

}
