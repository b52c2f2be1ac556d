package org.minyi.followup;

import org.minyi.instruction.InstructionProcess;

/**
 * Names in {@code bpmn/followup.bpmn} and the follow-up part of the piece process; its
 * actions: {@link FollowupAction}.
 */
public final class FollowupProcess {

	public static final String KEY = "minyi-followup";

	// Elements
	public static final String TASK_HANDLE = "task_handle";

	public static final String TASK_REVIEW_REPLY = "task_review_reply";

	public static final String TASK_REVIEW_HAND_BACK = "task_review_hand_back";

	public static final String TASK_REASSIGN = "task_reassign";

	public static final String TASK_SUPERVISE = "task_supervise";

	public static final String TIMER_REMINDER = "timer_reminder";

	public static final String TIMER_OVERDUE = "timer_overdue";

	public static final String TIMER_INSTRUCTION_WINDOW = "timer_instruction_window";

	public static final String END_ARCHIVED = "end_archived";

	// Variables
	/** The instruction the case follows, passed in by the piece's process. */
	public static final String INSTRUCTION_ID = InstructionProcess.INSTRUCTION_ID;

	public static final String DEPARTMENT = "department";

	public static final String DEPARTMENT_GROUP = "departmentGroup";

	public static final String CASE_ID = "caseId";

	public static final String DEADLINE = "followupDeadline";

	public static final String HANDLE_DECISION = "handleDecision";

	public static final String REPLY_RESULT = "replyResult";

	public static final String RESOLUTION = "resolution";

	public static final String SUBMITTER_CONTACTED = "submitterContacted";

	public static final String CONTACT_METHOD = "contactMethod";

	public static final String HAND_BACK_REASON = "handBackReason";

	public static final String REVIEW_DECISION = "reviewDecision";

	public static final String REVIEW_COMMENT = "reviewComment";

	public static final String HAND_BACK_DECISION = "handBackDecision";

	public static final String HAND_BACK_COMMENT = "handBackComment";

	public static final String NEW_DEPARTMENT = "newDepartment";

	public static final String SUPERVISION_DECISION = "supervisionDecision";

	public static final String SUPERVISION_COMMENT = "supervisionComment";

	// Decision values
	public static final String REPLY = "reply";

	public static final String HAND_BACK = "hand-back";

	public static final String ACCEPT = "accept";

	public static final String RETURN = "return";

	public static final String APPROVE = "approve";

	public static final String REFUSE = "refuse";

	public static final String CHASE = "chase";

	public static final String EXTEND = "extend";

	private FollowupProcess() {
	}

}
