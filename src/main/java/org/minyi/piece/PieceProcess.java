package org.minyi.piece;

/**
 * Names in the main process model {@code bpmn/piece.bpmn}: the process key, the element
 * ids that code and tests touch, the variables and the allowed decision values.
 */
public final class PieceProcess {

	/** The key of the main process: the lifecycle of one piece. */
	public static final String KEY = "minyi-piece";

	// Element ids
	public static final String START = "start_submitted";

	public static final String TASK_RECEIVE = "task_receive";

	public static final String TASK_REGISTER = "task_register";

	public static final String TASK_REVISE = "task_revise";

	public static final String TASK_VERIFY = "task_verify";

	public static final String TASK_EDIT = "task_edit";

	public static final String TASK_SIGNOFF_SECRETARY_GENERAL = "task_signoff_secretary_general";

	public static final String TASK_SIGNOFF_VICE_CHAIR = "task_signoff_vice_chair";

	public static final String END_NOT_ADOPTED = "end_not_adopted";

	public static final String END_WITHDRAWN = "end_withdrawn";

	public static final String END_MERGED = "end_merged";

	/**
	 * Part 1 ends here: the piece is signed off and goes on to publication and dispatch
	 * (part 2).
	 */
	public static final String CALL_DISPATCH = "call_dispatch";

	// Variables: the piece
	public static final String PIECE_ID = "pieceId";

	public static final String REGISTRATION_NUMBER = "registrationNumber";

	public static final String INITIATOR = "initiator";

	public static final String TITLE = "title";

	public static final String SITUATION = "situation";

	public static final String ANALYSIS = "analysis";

	public static final String SUGGESTIONS = "suggestions";

	public static final String CATEGORY = "categoryCode";

	public static final String SOURCE_TYPE = "sourceTypeCode";

	public static final String SOURCE_UNIT = "sourceUnit";

	public static final String CHANNEL = "channel";

	public static final String ORIGINAL_SUBMITTER = "originalSubmitter";

	public static final String CO_SUBMITTERS = "coSubmitters";

	public static final String URGENCY = "urgency";

	public static final String CONFIDENTIALITY = "confidentiality";

	/**
	 * No longer written: the duplicate check's result, stored here until issue 17, was
	 * readable by everyone who could read the process. Old values are deleted at startup
	 * ({@code intake/RetiredVariables}); the registrar asks {@code GET
	 * /api/pieces/{id}/similar} instead.
	 */
	public static final String RETIRED_DUPLICATE_CANDIDATES = "duplicateCandidates";

	// Variables: decisions
	public static final String REGISTRATION_DECISION = "registrationDecision";

	public static final String REGISTRATION_COMMENT = "registrationComment";

	public static final String NEEDS_VERIFICATION = "needsVerification";

	/**
	 * The verifier the registrar chose (a user of the {@code verifier} group), optional:
	 * the assignee of {@link #TASK_VERIFY}; without one the group's members claim the
	 * task.
	 */
	public static final String VERIFIER = "verifier";

	/**
	 * The registration form's choice of verifiers, one {@code userId|name} per line,
	 * local to {@link #TASK_REGISTER} (the select's options: Camunda Forms read them with
	 * a FEEL expression).
	 */
	public static final String VERIFIER_CHOICES = "verifierChoices";

	public static final String REVISION_DECISION = "revisionDecision";

	public static final String REVISION_COMMENT = "revisionComment";

	public static final String VERIFICATION_RESULT = "verificationResult";

	public static final String VERIFICATION_NOTES = "verificationNotes";

	public static final String EDIT_ACTION = "editAction";

	public static final String MERGE_INTO = "mergeInto";

	public static final String EDITED_TITLE = "editedTitle";

	public static final String EDITED_SITUATION = "editedSituation";

	public static final String EDITED_ANALYSIS = "editedAnalysis";

	public static final String EDITED_SUGGESTIONS = "editedSuggestions";

	public static final String WITHHOLD_SOURCE = "withholdSource";

	public static final String SIGNOFF_PATH = "signoffPath";

	public static final String SIGNOFF_DECISION = "signoffDecision";

	public static final String SIGNOFF_COMMENT = "signoffComment";

	// Decision values
	public static final String ACCEPT = "accept";

	public static final String RETURN = "return";

	public static final String REJECT = "reject";

	public static final String RESUBMIT = "resubmit";

	public static final String WITHDRAW = "withdraw";

	public static final String CONFIRMED = "confirmed";

	public static final String PARTLY_CONFIRMED = "partly-confirmed";

	public static final String NOT_CONFIRMED = "not-confirmed";

	public static final String EDIT = "edit";

	public static final String MERGE = "merge";

	public static final String APPROVE = "approve";

	/** Sign-off paths given by {@code bpmn/signoff-levels.dmn}. */
	public static final String PATH_BOTH = "secretary-general-and-vice-chair";

	public static final String PATH_VICE_CHAIR_ONLY = "vice-chair-only";

	public static final String PATH_SECRETARY_GENERAL_ONLY = "secretary-general-only";

	private PieceProcess() {
	}

}
