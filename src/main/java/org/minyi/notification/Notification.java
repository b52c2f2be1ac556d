package org.minyi.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A rendered message: what every recipient of it is told. */
@Entity
@Table(name = "minyi_notification")
public class Notification {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String templateKey;

	private Long pieceId;

	private String subject;

	private String body;

	private String link;

	private Instant createdAt;

	protected Notification() {
	}

	Notification(String templateKey, Long pieceId, String subject, String body, String link, Instant createdAt) {
		this.templateKey = templateKey;
		this.pieceId = pieceId;
		this.subject = subject;
		this.body = body;
		this.link = link;
		this.createdAt = createdAt;
	}

	public Long id() {
		return this.id;
	}

	public String templateKey() {
		return this.templateKey;
	}

	public Long pieceId() {
		return this.pieceId;
	}

	public String subject() {
		return this.subject;
	}

	public String body() {
		return this.body;
	}

	public String link() {
		return this.link;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

}
