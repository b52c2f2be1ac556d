package org.minyi.notification;

import java.time.Duration;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.minyi.engine.ApplicationJob;
import org.minyi.engine.EngineTime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one recipient's mail, the job's payload being the recipient's id. A failure (mail
 * server down, connection dropped) fails the job: the engine retries it with the back-off
 * below and raises an incident when the retries run out; resolving the incident runs it
 * again. A recipient whose mail was accepted is skipped, so no retry duplicates it. A
 * deleted job leaves the recipient row: it is the record that the mail was not sent.
 */
@Component
class MailJobHandler implements ApplicationJob {

	static final String TYPE = "minyi-mail";

	/**
	 * Jakarta Mail 2.1 looks up its stream provider through {@code ServiceLoader},
	 * scanning every jar, each time it encodes a header or a body
	 * (jakartaee/mail-api#861): 8% of the CPU of a busy node, as every subject here is
	 * Chinese. Named by this system property, the provider is one class lookup instead.
	 */
	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	/**
	 * A failed mail waits a minute before its next attempt, five attempts in all: retried
	 * at once, a mail server down for a minute would turn every mail into an incident.
	 */
	static final int ATTEMPTS = 5;

	static final Duration INTERVAL = Duration.ofMinutes(1);

	private final NotificationRecipientRepository recipients;

	private final NotificationRepository notifications;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final NotificationSettings settings;

	MailJobHandler(NotificationRecipientRepository recipients, NotificationRepository notifications,
			ObjectProvider<JavaMailSender> mailSender, NotificationSettings settings) {
		this.recipients = recipients;
		this.notifications = notifications;
		this.mailSender = mailSender;
		this.settings = settings;
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public int attempts() {
		return ATTEMPTS;
	}

	@Override
	public Duration retryInterval() {
		return INTERVAL;
	}

	@Override
	public void run(String recipientId) {
		NotificationRecipient recipient = this.recipients.findById(Long.valueOf(recipientId)).orElse(null);
		if (recipient == null || recipient.isAccepted()) {
			return;
		}
		Notification notification = this.notifications.findById(recipient.notificationId()).orElseThrow();
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			throw new IllegalStateException("No mail server configured (spring.mail.host)");
		}
		try {
			MimeMessage message = message(sender, recipient, notification);
			MimeMessageHelper helper = new TextMailHelper(message);
			helper.setFrom(this.settings.from());
			helper.setTo(recipient.email());
			helper.setSubject(notification.subject());
			helper.setText(notification.body());
			sender.send(message);
		}
		catch (MessagingException | MailException ex) {
			throw new IllegalStateException("Mail to " + recipient.email() + " not accepted: " + ex.getMessage(), ex);
		}
		recipient.accepted(EngineTime.instant());
		this.recipients.save(recipient);
	}

	/**
	 * The recipient's mail with a Message-ID of its own: a mail the server accepted just
	 * before the node died (so it is sent again after the restart) arrives twice with the
	 * same Message-ID, which mail systems recognise as one message.
	 */
	private MimeMessage message(JavaMailSender sender, NotificationRecipient recipient, Notification notification) {
		if (!(sender instanceof JavaMailSenderImpl impl)) {
			return sender.createMimeMessage();
		}
		String from = this.settings.from();
		String domain = from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip();
		String messageId = "<minyi." + recipient.id() + "." + notification.createdAt().toEpochMilli() + "@" + domain
				+ ">";
		return new MimeMessage(impl.getSession()) {

			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}

		};
	}

	/**
	 * A helper for text mails: Spring's helper otherwise reads its {@code mime.types}
	 * file again for every message not made by
	 * {@link JavaMailSender#createMimeMessage()}, 3% of the CPU of a busy node.
	 */
	private static final class TextMailHelper extends MimeMessageHelper {

		private static final FileTypeMap NO_ATTACHMENTS = FileTypeMap.getDefaultFileTypeMap();

		TextMailHelper(MimeMessage message) throws MessagingException {
			super(message, false, "UTF-8");
		}

		@Override
		protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
			return NO_ATTACHMENTS;
		}

	}

}
