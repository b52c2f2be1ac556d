package org.minyi.notification;

import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.minyi.engine.Privileged;
import org.minyi.notification.NotificationRecipient.Channel;
import org.minyi.piece.Credit;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.springframework.stereotype.Component;

/**
 * A notification step an administrator drops into any model (element template
 * {@code bpmn/element-templates/notification.json}). Input parameters: {@code template}
 * (a file under {@code notifications/}), {@code recipients} (comma-separated:
 * {@code submitters}, {@code group:<id>}, {@code user:<id>}, {@code assignee}),
 * optionally {@code channels} ({@code mail}, {@code inbox}; both by default) and
 * {@code task}: the id of the user task the notification is about, for a reminder or an
 * escalation on that task's boundary timer. With {@code task}, {@code assignee} is
 * whoever holds the open task (its assignee, or while nobody has claimed it its candidate
 * users and groups), the templates get the task's name, due date and holder, and the link
 * opens the task.
 */
@Component("notifyDelegate")
class NotifyDelegate implements JavaDelegate {

	static final String ASSIGNEE = "assignee";

	private final NotificationService notifications;

	private final PieceRepository pieces;

	private final TaskService taskService;

	private final IdentityService identityService;

	NotifyDelegate(NotificationService notifications, PieceRepository pieces, TaskService taskService,
			IdentityService identityService) {
		this.notifications = notifications;
		this.pieces = pieces;
		this.taskService = taskService;
		this.identityService = identityService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String template = (String) execution.getVariableLocal("template");
		String spec = (String) execution.getVariableLocal("recipients");
		String channelSpec = (String) execution.getVariableLocal("channels");
		String taskKey = (String) execution.getVariableLocal("task");
		Task task = (taskKey == null || taskKey.isBlank()) ? null : openTask(execution, taskKey.strip());
		Long pieceId = (Long) execution.getVariable(PieceProcess.PIECE_ID);
		Set<String> users = new LinkedHashSet<>();
		Set<String> groups = new LinkedHashSet<>();
		for (String recipient : spec.split("\\s*,\\s*")) {
			if (recipient.equals("submitters")) {
				this.pieces.findById(pieceId)
					.ifPresent((piece) -> piece.credits()
						.stream()
						.map(Credit::userId)
						.filter(Objects::nonNull)
						.forEach(users::add));
			}
			else if (recipient.equals(ASSIGNEE)) {
				if (taskKey == null || taskKey.isBlank()) {
					throw new IllegalStateException(
							"Notification recipient 'assignee' needs the input parameter 'task'");
				}
				if (task != null) {
					addHolders(task, users, groups);
				}
			}
			else if (recipient.startsWith("group:")) {
				groups.add(recipient.substring("group:".length()));
			}
			else if (recipient.startsWith("user:")) {
				users.add(recipient.substring("user:".length()));
			}
			else if (!recipient.isBlank()) {
				throw new IllegalStateException("Unknown notification recipient in the model: " + recipient);
			}
		}
		users.addAll(this.notifications.membersOf(groups));
		String link = (task != null) ? "/camunda/app/tasklist/default/#/?task=" + task.getId() : null;
		this.notifications.notify(template, users, pieceId, values(execution, task), link, channels(channelSpec));
	}

	/**
	 * The open task of this key in this process instance: on a boundary timer's path, the
	 * task it is attached to.
	 */
	private Task openTask(DelegateExecution execution, String taskKey) {
		List<Task> open = Privileged.call(() -> this.taskService.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(taskKey)
			.list());
		return open.isEmpty() ? null : open.get(0);
	}

	/**
	 * The assignee, or while nobody has claimed the task its candidate users and groups.
	 */
	private void addHolders(Task task, Set<String> users, Set<String> groups) {
		if (task.getAssignee() != null) {
			users.add(task.getAssignee());
			return;
		}
		for (IdentityLink link : candidates(task)) {
			if (link.getUserId() != null) {
				users.add(link.getUserId());
			}
			if (link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		}
	}

	private List<IdentityLink> candidates(Task task) {
		return Privileged.call(() -> this.taskService.getIdentityLinksForTask(task.getId()))
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.toList();
	}

	private static Set<Channel> channels(String spec) {
		if (spec == null || spec.isBlank()) {
			return EnumSet.allOf(Channel.class);
		}
		Set<Channel> channels = EnumSet.noneOf(Channel.class);
		for (String channel : spec.split("\\s*,\\s*")) {
			channels.add(Channel.valueOf(channel.toUpperCase(Locale.ROOT)));
		}
		return channels;
	}

	/**
	 * What templates may use: the piece's number and title, the department and deadline
	 * of a case; with a task, its name ({@code taskName}), due date ({@code due}) and who
	 * holds it ({@code holder}).
	 */
	private Map<String, String> values(DelegateExecution execution, Task task) {
		Map<String, String> values = new HashMap<>();
		values.put("number", String.valueOf(execution.getVariable(PieceProcess.REGISTRATION_NUMBER)));
		values.put("title", String.valueOf(execution.getVariable(PieceProcess.TITLE)));
		Object department = execution.getVariable("department");
		values.put("department", (department == null) ? "" : department.toString());
		Object deadline = execution.getVariable("followupDeadline");
		values.put("due", (deadline instanceof Date date) ? day(date) : "");
		if (task != null) {
			values.put("taskName", task.getName());
			values.put("due", (task.getDueDate() == null) ? "无" : day(task.getDueDate()));
			values.put("holder", holder(task));
		}
		return values;
	}

	/** 「周敏」, or 「尚未认领（核实人）」 with the candidate groups' names. */
	private String holder(Task task) {
		if (task.getAssignee() != null) {
			User user = Privileged
				.call(() -> this.identityService.createUserQuery().userId(task.getAssignee()).singleResult());
			return (user == null) ? task.getAssignee() : name(user);
		}
		List<String> candidates = new ArrayList<>();
		for (IdentityLink link : candidates(task)) {
			if (link.getGroupId() != null) {
				Group group = Privileged
					.call(() -> this.identityService.createGroupQuery().groupId(link.getGroupId()).singleResult());
				candidates.add((group == null || group.getName() == null) ? link.getGroupId() : group.getName());
			}
			else if (link.getUserId() != null) {
				candidates.add(link.getUserId());
			}
		}
		return "尚未认领（" + String.join("、", candidates) + "）";
	}

	private static String name(User user) {
		String name = Objects.toString(user.getFirstName(), "") + Objects.toString(user.getLastName(), "");
		return name.isBlank() ? user.getId() : name;
	}

	private static String day(Date date) {
		return new SimpleDateFormat("yyyy年M月d日").format(date);
	}

}
