package org.minyi.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.minyi.common.RuleViolation;
import org.minyi.engine.ApplicationJobs;
import org.minyi.engine.EngineTime;
import org.minyi.engine.Privileged;
import org.minyi.notification.NotificationRecipient.Channel;
import org.minyi.piece.Confidentiality;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a notification for its recipients in the caller's transaction: an inbox entry
 * each, and for users with an e-mail address (when a mail server is configured) a mail
 * sent later by its own job.
 * <p>
 * A notification about a confidential piece never carries its title or any text, whoever
 * it is for: mail leaves the system, and an inbox entry stays readable after its reader's
 * clearance is gone. The piece is named by {@link Confidentiality#reference}, every value
 * but those of {@link #CONTENT_FREE} reads {@link Confidentiality#MASK}. Templates name
 * the piece with {@code ${piece}}.
 */
@Service
public class NotificationService {

	private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

	/**
	 * Values that tell nothing of a piece's content: kept in the notifications of a
	 * confidential piece. {@code holder} is who holds a task (a reminder's or an
	 * escalation's, {@code NotifyDelegate}).
	 */
	private static final Set<String> CONTENT_FREE = Set.of("number", "taskName", "due", "department", "holder");

	private final NotificationRepository notifications;

	private final NotificationRecipientRepository recipients;

	private final NotificationTemplates templates;

	private final IdentityService identityService;

	private final ApplicationJobs jobs;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final NotificationSettings settings;

	private final PieceRepository pieces;

	NotificationService(NotificationRepository notifications, NotificationRecipientRepository recipients,
			NotificationTemplates templates, IdentityService identityService, ApplicationJobs jobs,
			ObjectProvider<JavaMailSender> mailSender, NotificationSettings settings, PieceRepository pieces) {
		this.notifications = notifications;
		this.recipients = recipients;
		this.templates = templates;
		this.identityService = identityService;
		this.jobs = jobs;
		this.mailSender = mailSender;
		this.settings = settings;
		this.pieces = pieces;
	}

	/**
	 * Tells these users, on these channels, what the template says with these values;
	 * {@code ${piece}} is the piece's number and title ({@code number}, {@code title}).
	 * {@code link} is a path of this installation (or empty for the Tasklist start page).
	 */
	public Notification notify(String templateKey, Collection<String> userIds, Long pieceId, Map<String, String> values,
			String link, Set<Channel> channels) {
		String url = this.settings.baseUrl() + ((link == null || link.isBlank()) ? "/camunda/app/tasklist/" : link);
		Map<String, String> all = new HashMap<>(values);
		Piece piece = (pieceId == null) ? null : this.pieces.findById(pieceId).orElse(null);
		if (piece != null && piece.isConfidential()) {
			all.replaceAll((name, value) -> CONTENT_FREE.contains(name) ? value : Confidentiality.MASK);
			all.put("piece", Confidentiality.reference(piece.registrationNumber()));
		}
		else {
			all.put("piece", all.getOrDefault("number", "") + "《" + all.getOrDefault("title", "") + "》");
		}
		all.put("link", url);
		NotificationTemplates.Rendered rendered = this.templates.render(templateKey, all);
		Notification notification = this.notifications.save(
				new Notification(templateKey, pieceId, rendered.subject(), rendered.body(), url, EngineTime.instant()));
		boolean mailConfigured = this.mailSender.getIfAvailable() != null;
		for (String userId : new LinkedHashSet<>(userIds)) {
			if (channels.contains(Channel.INBOX)) {
				this.recipients.save(new NotificationRecipient(notification.id(), userId, Channel.INBOX, null));
			}
			String email = mailConfigured && channels.contains(Channel.MAIL) ? email(userId) : null;
			if (email != null) {
				NotificationRecipient recipient = this.recipients
					.save(new NotificationRecipient(notification.id(), userId, Channel.MAIL, email));
				scheduleMail(recipient.id());
			}
		}
		return notification;
	}

	/** The members of these engine groups, for notifications to a group. */
	public Set<String> membersOf(Collection<String> groupIds) {
		Set<String> members = new LinkedHashSet<>();
		for (String groupId : groupIds) {
			Privileged.call(() -> this.identityService.createUserQuery().memberOfGroup(groupId).list())
				.forEach((user) -> members.add(user.getId()));
		}
		return members;
	}

	@Transactional(readOnly = true)
	public List<InboxEntry> inbox(String userId) {
		List<InboxEntry> entries = new ArrayList<>();
		for (NotificationRecipient recipient : this.recipients.findByUserIdAndChannelOrderByIdDesc(userId,
				Channel.INBOX)) {
			Notification notification = this.notifications.findById(recipient.notificationId()).orElseThrow();
			entries.add(new InboxEntry(recipient.id(), notification.subject(), notification.body(), notification.link(),
					notification.createdAt(), recipient.isRead()));
		}
		return entries;
	}

	@Transactional
	public void markRead(Long entryId, String userId) {
		NotificationRecipient entry = this.recipients.findById(entryId)
			.filter((candidate) -> candidate.userId().equals(userId) && candidate.channel() == Channel.INBOX)
			.orElseThrow(() -> RuleViolation.notFound("NOTIFICATION_NOT_FOUND", "通知不存在"));
		entry.read(EngineTime.instant());
	}

	/** One entry of "my notifications". */
	public record InboxEntry(Long id, String subject, String body, String link, java.time.Instant createdAt,
			boolean read) {
	}

	private String email(String userId) {
		User user = Privileged.call(() -> this.identityService.createUserQuery().userId(userId).singleResult());
		if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
			return null;
		}
		return user.getEmail();
	}

	/**
	 * A job in the current transaction: the mail goes out only if the cause commits, and
	 * never inside it.
	 */
	private void scheduleMail(Long recipientId) {
		this.jobs.schedule(MailJobHandler.TYPE, String.valueOf(recipientId));
		log.debug("Mail job scheduled for notification recipient {}", recipientId);
	}

}
