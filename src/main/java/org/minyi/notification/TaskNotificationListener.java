package org.minyi.notification;

import java.text.SimpleDateFormat;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.minyi.engine.EveryUserTaskListener;
import org.minyi.notification.NotificationRecipient.Channel;
import org.minyi.piece.PieceProcess;
import org.springframework.stereotype.Component;

/**
 * A new task is announced to its candidate groups and users; an assigned task, once, to
 * its assignee.
 */
@Component
class TaskNotificationListener implements EveryUserTaskListener {

	static final String TEMPLATE = "task-assigned";

	private final NotificationService notifications;

	TaskNotificationListener(NotificationService notifications) {
		this.notifications = notifications;
	}

	@Override
	public Set<String> events() {
		return Set.of(EVENTNAME_CREATE, EVENTNAME_ASSIGNMENT);
	}

	@Override
	public void notify(DelegateTask task) {
		Set<String> users = new LinkedHashSet<>();
		if (task.getAssignee() != null) {
			if (EVENTNAME_CREATE.equals(task.getEventName())) {
				// A task created with an assignee (a chosen verifier, the submitter's
				// revision) also fires
				// the assignment event, which tells the assignee: once is enough.
				return;
			}
			users.add(task.getAssignee());
		}
		else if (EVENTNAME_CREATE.equals(task.getEventName())) {
			Set<String> groups = new LinkedHashSet<>();
			for (IdentityLink link : task.getCandidates()) {
				if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
					if (link.getGroupId() != null) {
						groups.add(link.getGroupId());
					}
					if (link.getUserId() != null) {
						users.add(link.getUserId());
					}
				}
			}
			users.addAll(this.notifications.membersOf(groups));
		}
		if (users.isEmpty()) {
			return;
		}
		Map<String, String> values = new HashMap<>();
		values.put("taskName", task.getName());
		values.put("number", text(task.getVariable(PieceProcess.REGISTRATION_NUMBER), "（待登记）"));
		values.put("title", text(task.getVariable(PieceProcess.TITLE), ""));
		values.put("due",
				(task.getDueDate() == null) ? "无" : new SimpleDateFormat("yyyy年M月d日").format(task.getDueDate()));
		Object pieceId = task.getVariable(PieceProcess.PIECE_ID);
		this.notifications.notify(TEMPLATE, users, (pieceId instanceof Long id) ? id : null, values,
				"/camunda/app/tasklist/default/#/?task=" + task.getId(), Set.of(Channel.INBOX, Channel.MAIL));
	}

	private static String text(Object value, String fallback) {
		return (value == null) ? fallback : value.toString();
	}

}
