package org.minyi.piece;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * One piece of public-opinion information (一事一议): the text as submitted, never
 * overwritten, and the text as edited by the info-section. The engine drives it; this row
 * is the lasting record.
 */
@Entity
@Table(name = "minyi_piece")
public class Piece {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String registrationNumber;

	private String title;

	private String situation;

	private String analysis;

	private String suggestions;

	private String editedTitle;

	private String editedSituation;

	private String editedAnalysis;

	private String editedSuggestions;

	private String categoryCode;

	private String sourceTypeCode;

	private String sourceUnit;

	@Column(name = "channel")
	private String channelCode;

	private String submitterId;

	private String submitterName;

	private String registeredBy;

	@Column(name = "urgency")
	private String urgencyCode;

	@Column(name = "confidentiality")
	private String confidentialityCode;

	@Enumerated(EnumType.STRING)
	private PieceStatus status;

	private String verificationResult;

	private String verificationNotes;

	private String closingReason;

	private Long mergedIntoId;

	private boolean withholdSource;

	private boolean outstanding;

	private String processInstanceId;

	private Instant submittedAt;

	private Instant registeredAt;

	private Instant updatedAt;

	@Version
	private int version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "minyi_piece_credit", joinColumns = @JoinColumn(name = "piece_id"))
	private List<Credit> credits = new ArrayList<>();

	/**
	 * The departments cleared for this confidential piece alone
	 * ({@link PieceClearances}). Loaded by a query of its own, batched, so that it does
	 * not multiply the rows of the credits.
	 */
	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SELECT)
	@CollectionTable(name = "minyi_piece_clearance", joinColumns = @JoinColumn(name = "piece_id"))
	@Column(name = "department_code")
	private Set<String> clearedDepartments = new LinkedHashSet<>();

	protected Piece() {
	}

	public Piece(PieceText text, String categoryCode, String sourceTypeCode, String sourceUnit, Channel channel,
			String submitterId, String submitterName, Urgency urgency, Confidentiality confidentiality, Instant now) {
		setOriginalText(text);
		this.categoryCode = categoryCode;
		this.sourceTypeCode = sourceTypeCode;
		this.sourceUnit = sourceUnit;
		this.channelCode = channel.code();
		this.submitterId = submitterId;
		this.submitterName = submitterName;
		this.urgencyCode = urgency.code();
		this.confidentialityCode = confidentiality.code();
		this.status = PieceStatus.SUBMITTED;
		this.submittedAt = now;
		this.updatedAt = now;
		this.credits.add(new Credit(submitterId, submitterName, Credit.Kind.SUBMITTER, null));
	}

	/**
	 * The submitter's text; changed only by the submitter's own revision, never by
	 * editing.
	 */
	public void reviseOriginalText(PieceText text, Instant now) {
		setOriginalText(text);
		this.updatedAt = now;
	}

	private void setOriginalText(PieceText text) {
		this.title = text.title();
		this.situation = text.situation();
		this.analysis = text.analysis();
		this.suggestions = text.suggestions();
	}

	public void edit(PieceText edited, Instant now) {
		this.editedTitle = edited.title();
		this.editedSituation = edited.situation();
		this.editedAnalysis = edited.analysis();
		this.editedSuggestions = edited.suggestions();
		this.updatedAt = now;
	}

	/** Whether the bulletin shows "委员反映" instead of the submitting unit. */
	public void withholdSource(boolean withhold) {
		this.withholdSource = withhold;
	}

	public boolean isSourceWithheld() {
		return this.withholdSource;
	}

	/**
	 * Flagged by the info-section as an outstanding piece (优秀社情民意) for the annual
	 * commendation.
	 */
	public void flagOutstanding(boolean flag) {
		this.outstanding = flag;
	}

	public boolean isOutstanding() {
		return this.outstanding;
	}

	public void register(String registrationNumber, String clerkId, Instant now) {
		if (this.registrationNumber == null) {
			this.registrationNumber = registrationNumber;
			this.registeredAt = now;
			this.registeredBy = clerkId;
		}
		this.updatedAt = now;
	}

	public void classify(String categoryCode, String sourceTypeCode) {
		this.categoryCode = categoryCode;
		this.sourceTypeCode = sourceTypeCode;
	}

	public void recordVerification(String result, String notes, Instant now) {
		this.verificationResult = result;
		this.verificationNotes = notes;
		this.updatedAt = now;
	}

	public void addCoSubmitter(String userId, String name) {
		this.credits.add(new Credit(userId, name, Credit.Kind.CO_SUBMITTER, null));
	}

	/**
	 * This piece absorbs {@code other} (综合): every submitter of the other piece is
	 * credited here too.
	 */
	public void absorb(Piece other, Instant now) {
		for (Credit credit : other.credits) {
			this.credits.add(new Credit(credit.userId(), credit.name(), Credit.Kind.MERGED, other.id));
		}
		other.mergedIntoId = this.id;
		other.moveTo(PieceStatus.MERGED, "已综合入 " + this.registrationNumber, now);
		this.updatedAt = now;
	}

	/**
	 * The reason belongs to the new status: a returned piece registered again has none.
	 */
	public void moveTo(PieceStatus status, String reason, Instant now) {
		this.status = status;
		this.closingReason = reason;
		this.updatedAt = now;
	}

	public void attachProcessInstance(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	/**
	 * Whether this user is credited on the piece (submitter, co-submitter or merged
	 * submitter).
	 */
	public boolean credits(String userId) {
		return userId != null && this.credits.stream().anyMatch((credit) -> userId.equals(credit.userId()));
	}

	public boolean isConfidential() {
		return confidentiality() == Confidentiality.CONFIDENTIAL;
	}

	/** Clears this department for the piece; whether it was not cleared before. */
	boolean clear(String departmentCode) {
		return this.clearedDepartments.add(departmentCode);
	}

	/** Whether one of these departments is cleared for this piece. */
	public boolean clears(Collection<String> departmentCodes) {
		return departmentCodes.stream().anyMatch(this.clearedDepartments::contains);
	}

	public Long id() {
		return this.id;
	}

	public String registrationNumber() {
		return this.registrationNumber;
	}

	public PieceText originalText() {
		return new PieceText(this.title, this.situation, this.analysis, this.suggestions);
	}

	/** The edited text, or the original where nothing was edited yet. */
	public PieceText currentText() {
		if (this.editedTitle == null) {
			return originalText();
		}
		return new PieceText(this.editedTitle, this.editedSituation, this.editedAnalysis, this.editedSuggestions);
	}

	public boolean isEdited() {
		return this.editedTitle != null;
	}

	public String categoryCode() {
		return this.categoryCode;
	}

	public String sourceTypeCode() {
		return this.sourceTypeCode;
	}

	public String sourceUnit() {
		return this.sourceUnit;
	}

	public Channel channel() {
		return org.minyi.common.Coded.find(Channel.class, this.channelCode).orElseThrow();
	}

	public String submitterId() {
		return this.submitterId;
	}

	public String submitterName() {
		return this.submitterName;
	}

	public String registeredBy() {
		return this.registeredBy;
	}

	public Urgency urgency() {
		return org.minyi.common.Coded.find(Urgency.class, this.urgencyCode).orElseThrow();
	}

	public Confidentiality confidentiality() {
		return org.minyi.common.Coded.find(Confidentiality.class, this.confidentialityCode).orElseThrow();
	}

	public PieceStatus status() {
		return this.status;
	}

	public String verificationResult() {
		return this.verificationResult;
	}

	public String verificationNotes() {
		return this.verificationNotes;
	}

	public String closingReason() {
		return this.closingReason;
	}

	public Long mergedIntoId() {
		return this.mergedIntoId;
	}

	public String processInstanceId() {
		return this.processInstanceId;
	}

	public Instant submittedAt() {
		return this.submittedAt;
	}

	public Instant registeredAt() {
		return this.registeredAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public List<Credit> credits() {
		return Collections.unmodifiableList(this.credits);
	}

}
