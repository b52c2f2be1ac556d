package org.minyi.followup;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One department's handling of one instruction, from its deadline to the accepted reply.
 */
@Entity
@Table(name = "minyi_followup_case")
public class FollowupCase {

	public enum Status {

		OPEN, REPLIED, HAND_BACK_REQUESTED, CLOSED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long instructionId;

	private Long pieceId;

	private String departmentCode;

	private boolean lead;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Instant deadline;

	private boolean extended;

	private String extensionReason;

	private boolean overdue;

	private int reminders;

	private int chases;

	private String replyResult;

	private String resolution;

	private Boolean submitterContacted;

	private String contactMethod;

	private Instant repliedAt;

	private Instant closedAt;

	private String processInstanceId;

	protected FollowupCase() {
	}

	FollowupCase(Long instructionId, Long pieceId, String departmentCode, boolean lead, Instant deadline,
			String processInstanceId) {
		this.instructionId = instructionId;
		this.pieceId = pieceId;
		this.departmentCode = departmentCode;
		this.lead = lead;
		this.status = Status.OPEN;
		this.deadline = deadline;
		this.processInstanceId = processInstanceId;
	}

	void remind() {
		this.reminders++;
	}

	void markOverdue() {
		this.overdue = true;
	}

	void chase() {
		this.chases++;
	}

	void extend(String reason, Instant newDeadline) {
		this.extended = true;
		this.extensionReason = reason;
		this.deadline = newDeadline;
		this.overdue = false;
	}

	void reply(String result, String resolution, boolean contacted, String contactMethod, Instant now) {
		this.status = Status.REPLIED;
		this.replyResult = result;
		this.resolution = resolution;
		this.submitterContacted = contacted;
		this.contactMethod = contactMethod;
		this.repliedAt = now;
	}

	void reopen() {
		this.status = Status.OPEN;
	}

	void requestHandBack() {
		this.status = Status.HAND_BACK_REQUESTED;
	}

	void reassign(String departmentCode, Instant newDeadline) {
		this.departmentCode = departmentCode;
		this.deadline = newDeadline;
		this.overdue = false;
		this.status = Status.OPEN;
	}

	void close(Instant now) {
		this.status = Status.CLOSED;
		this.closedAt = now;
	}

	public Long id() {
		return this.id;
	}

	public Long instructionId() {
		return this.instructionId;
	}

	public Long pieceId() {
		return this.pieceId;
	}

	public String departmentCode() {
		return this.departmentCode;
	}

	public boolean isLead() {
		return this.lead;
	}

	public Status status() {
		return this.status;
	}

	public Instant deadline() {
		return this.deadline;
	}

	public boolean isExtended() {
		return this.extended;
	}

	public boolean isOverdue() {
		return this.overdue;
	}

	public int reminders() {
		return this.reminders;
	}

	public int chases() {
		return this.chases;
	}

	public String replyResult() {
		return this.replyResult;
	}

	public String resolution() {
		return this.resolution;
	}

	public String processInstanceId() {
		return this.processInstanceId;
	}

}
