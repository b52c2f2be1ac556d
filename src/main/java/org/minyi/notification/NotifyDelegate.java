package org.minyi.notification;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.minyi.notification.NotificationRecipient.Channel;
import org.minyi.piece.Credit;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.springframework.stereotype.Component;

/**
 * A notification step an administrator drops into any model (element template
 * {@code bpmn/element-templates/notification.json}). Input parameters: {@code template} (a file under
 * {@code notifications/}), {@code recipients} (comma-separated: {@code submitters}, {@code group:<id>},
 * {@code user:<id>}) and optionally {@code channels} ({@code mail}, {@code inbox}; both by default).
 */
@Component("notifyDelegate")
class NotifyDelegate implements JavaDelegate {

	private final NotificationService notifications;

	private final PieceRepository pieces;

	NotifyDelegate(NotificationService notifications, PieceRepository pieces) {
		this.notifications = notifications;
		this.pieces = pieces;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String template = (String) execution.getVariableLocal("template");
		String spec = (String) execution.getVariableLocal("recipients");
		String channelSpec = (String) execution.getVariableLocal("channels");
		Long pieceId = (Long) execution.getVariable(PieceProcess.PIECE_ID);
		Set<String> users = new LinkedHashSet<>();
		Set<String> groups = new LinkedHashSet<>();
		for (String recipient : spec.split("\\s*,\\s*")) {
			if (recipient.equals("submitters")) {
				this.pieces.findById(pieceId)
					.ifPresent((piece) -> piece.credits()
						.stream()
						.map(Credit::userId)
						.filter(java.util.Objects::nonNull)
						.forEach(users::add));
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
		this.notifications.notify(template, users, pieceId, values(execution), null, channels(channelSpec));
	}

	private static Set<Channel> channels(String spec) {
		if (spec == null || spec.isBlank()) {
			return EnumSet.allOf(Channel.class);
		}
		Set<Channel> channels = EnumSet.noneOf(Channel.class);
		for (String channel : spec.split("\\s*,\\s*")) {
			channels.add(Channel.valueOf(channel.toUpperCase(java.util.Locale.ROOT)));
		}
		return channels;
	}

	/** What templates may use: the piece's number and title, the department and deadline of a case. */
	private static Map<String, String> values(DelegateExecution execution) {
		Map<String, String> values = new HashMap<>();
		values.put("number", String.valueOf(execution.getVariable(PieceProcess.REGISTRATION_NUMBER)));
		values.put("title", String.valueOf(execution.getVariable(PieceProcess.TITLE)));
		Object department = execution.getVariable("department");
		values.put("department", (department == null) ? "" : department.toString());
		Object deadline = execution.getVariable("followupDeadline");
		values.put("due", (deadline instanceof Date date) ? new SimpleDateFormat("yyyy年M月d日").format(date) : "");
		return values;
	}

}
