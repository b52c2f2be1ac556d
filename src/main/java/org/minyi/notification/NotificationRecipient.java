package org.minyi.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One user's copy of a notification on one channel. */
@Entity
@Table(name = "minyi_notification_recipient")
public class NotificationRecipient {

	public enum Channel {

		INBOX, MAIL

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long notificationId;

	private String userId;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	private String email;

	private Instant acceptedAt;

	private Instant readAt;

	protected NotificationRecipient() {
	}

	NotificationRecipient(Long notificationId, String userId, Channel channel, String email) {
		this.notificationId = notificationId;
		this.userId = userId;
		this.channel = channel;
		this.email = email;
	}

	/** The mail server accepted the mail: a retry of the job must not send it again. */
	void accepted(Instant now) {
		this.acceptedAt = now;
	}

	void read(Instant now) {
		if (this.readAt == null) {
			this.readAt = now;
		}
	}

	public Long id() {
		return this.id;
	}

	public Long notificationId() {
		return this.notificationId;
	}

	public String userId() {
		return this.userId;
	}

	public Channel channel() {
		return this.channel;
	}

	public String email() {
		return this.email;
	}

	public boolean isAccepted() {
		return this.acceptedAt != null;
	}

	public boolean isRead() {
		return this.readAt != null;
	}

}
