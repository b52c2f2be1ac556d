package org.minyi.followup;

import java.util.Arrays;

/**
 * The steps {@link FollowupStepDelegate} takes, named by the input parameter
 * {@code action} of a {@code ${followupStep}} service task in {@code bpmn/followup.bpmn}:
 * the codes are the model's.
 */
enum FollowupAction {

	OPEN("open"), REMIND("remind"), OVERDUE("overdue"), CHASE("chase"), EXTEND("extend"), REPLY("reply"),
	RETURN_REPLY("return-reply"), ACCEPT_REPLY("accept-reply"), REQUEST_HAND_BACK("request-hand-back"),
	REFUSE_HAND_BACK("refuse-hand-back"), REASSIGN("reassign");

	/** The name of the service task's input parameter. */
	static final String PARAMETER = "action";

	private final String code;

	FollowupAction(String code) {
		this.code = code;
	}

	String code() {
		return this.code;
	}

	static FollowupAction of(String code) {
		return Arrays.stream(values())
			.filter((action) -> action.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Unknown follow-up action in the model: " + code));
	}

}
