package org.minyi.followup;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Follow-up settings.
 *
 * @param replyWorkingDays a department's deadline to reply, in working days (default 15)
 * @param reminderWorkingDays how many working days before the deadline the department is
 * reminded (default 3)
 * @param extensionWorkingDays how many working days one extension adds (default 10)
 * @param instructionWindow how long after dispatch a piece stays open for leader
 * instructions before it may be archived (ISO-8601, default P30D)
 * @param reviewerGroup who reviews department replies: {@code supervisor} or
 * {@code info-section}
 */
@ConfigurationProperties("minyi.followup")
public record FollowupSettings(Integer replyWorkingDays, Integer reminderWorkingDays, Integer extensionWorkingDays,
		String instructionWindow, String reviewerGroup) {

	public FollowupSettings {
		replyWorkingDays = (replyWorkingDays != null) ? replyWorkingDays : 15;
		reminderWorkingDays = (reminderWorkingDays != null) ? reminderWorkingDays : 3;
		extensionWorkingDays = (extensionWorkingDays != null) ? extensionWorkingDays : 10;
		instructionWindow = (instructionWindow != null) ? instructionWindow : "P30D";
		reviewerGroup = (reviewerGroup != null) ? reviewerGroup : "supervisor";
	}

}
