package org.minyi.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.minyi.common.Coded;
import org.minyi.common.GaplessCounter;
import org.minyi.common.PlainText;
import org.minyi.common.RuleViolation;
import org.minyi.dispatch.DispatchReferenceData.DispatchForm;
import org.minyi.piece.Credit;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceStatus;
import org.minyi.piece.PieceTimeline;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rules of publication, dispatch, upward submission and adoption (steps 6 and 7). */
@Service("dispatchService")
public class DispatchService {

	/** Dispatch form codes: 专报, 转报, 转送. */
	public static final String DIRECT_REPORT = "direct-report";

	public static final String FORWARD_REPORT = "forward-report";

	public static final String REFERRAL = "referral";

	private final PieceRepository pieces;

	private final BulletinIssueRepository issues;

	private final DispatchRepository dispatches;

	private final UpwardSubmissionRepository submissions;

	private final AdoptionRepository adoptions;

	private final DispatchReferenceData referenceData;

	private final DispatchSettings settings;

	private final GaplessCounter counter;

	private final PieceTimeline timeline;

	private final ZoneId zone;

	DispatchService(PieceRepository pieces, BulletinIssueRepository issues, DispatchRepository dispatches,
			UpwardSubmissionRepository submissions, AdoptionRepository adoptions, DispatchReferenceData referenceData,
			DispatchSettings settings, GaplessCounter counter, PieceTimeline timeline,
			@Value("${minyi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.pieces = pieces;
		this.issues = issues;
		this.dispatches = dispatches;
		this.submissions = submissions;
		this.adoptions = adoptions;
		this.referenceData = referenceData;
		this.settings = settings;
		this.counter = counter;
		this.timeline = timeline;
		this.zone = zone;
	}

	/** How long an upward submission waits for its answer; the BPMN timer reads {@code ${dispatchService.answerWait}}. */
	public String getAnswerWait() {
		return this.settings.answerWait();
	}

	/** The oldest signed-off pieces that no issue carries yet, at most {@code limit}. */
	public List<Piece> awaitingPublication(int limit) {
		return this.pieces.findByStatusOrderByRegisteredAtAsc(PieceStatus.SIGNED_OFF, PageRequest.of(0, limit));
	}

	public long countAwaitingPublication() {
		return this.pieces.countByStatus(PieceStatus.SIGNED_OFF);
	}

	/**
	 * Publishes an issue with these pieces: the next gap-free number of the publication's year, and
	 * adoption by this committee for every piece. Returns the issue; the caller tells each piece's process.
	 */
	BulletinIssue publish(String publicationCode, List<String> registrationNumbers, String userId) {
		this.referenceData.publication(publicationCode)
			.orElseThrow(() -> new RuleViolation("UNKNOWN_PUBLICATION", "刊物不存在：" + publicationCode));
		Set<String> numbers = new LinkedHashSet<>(registrationNumbers);
		if (numbers.isEmpty()) {
			throw new RuleViolation("EMPTY_ISSUE", "一期刊物至少要编入一条信息");
		}
		List<Piece> carried = new ArrayList<>();
		for (String number : numbers) {
			Piece piece = this.pieces.findByRegistrationNumber(number)
				.orElseThrow(() -> new RuleViolation("PIECE_NOT_FOUND", "登记号不存在：" + number));
			if (piece.status() != PieceStatus.SIGNED_OFF) {
				throw new RuleViolation("PIECE_NOT_SIGNED_OFF",
						"信息 " + number + " 当前状态为「" + piece.status().displayName() + "」，只有已签发的信息才能刊发");
			}
			carried.add(piece);
		}
		Instant now = ClockUtil.now().toInstant();
		int year = now.atZone(this.zone).getYear();
		int number = this.counter.next("bulletin:" + publicationCode, year);
		boolean confidential = carried.stream().anyMatch(Piece::isConfidential);
		BulletinIssue issue = this.issues.save(new BulletinIssue(publicationCode, year, number, confidential,
				carried.stream().map(Piece::id).toList(), now, userId));
		for (Piece piece : carried) {
			piece.moveTo(PieceStatus.PUBLISHED, null, now);
			boolean combined = piece.credits().stream().anyMatch((credit) -> credit.kind() == Credit.Kind.MERGED);
			this.adoptions.save(new Adoption(piece.id(), Level.COMMITTEE,
					combined ? AdoptionForm.COMBINED : AdoptionForm.SINGLE, now.atZone(this.zone).toLocalDate(),
					issue.label(), now, userId, null));
			this.timeline.record(piece.id(), userId, "published", "刊发", publicationCode, issue.label());
		}
		return issue;
	}

	/**
	 * Records the dispatch forms chosen for a piece and its upward submissions. 专报 goes to every principal
	 * leader, 转报 to the Party and government offices, 转送 to the named department.
	 */
	void dispatch(Long pieceId, boolean directReport, boolean forwardReport, String referralDepartment,
			List<String> upwardLevels, String userId) {
		Piece piece = piece(pieceId);
		boolean referral = referralDepartment != null && !referralDepartment.isBlank();
		if (!directReport && !forwardReport && !referral) {
			throw new RuleViolation("DISPATCH_FORM_REQUIRED", "请至少选择一种报送方式（专报、转报或转送）");
		}
		Instant now = ClockUtil.now().toInstant();
		if (directReport) {
			dispatchToAll(piece, DIRECT_REPORT, now, userId);
		}
		if (forwardReport) {
			dispatchToAll(piece, FORWARD_REPORT, now, userId);
		}
		if (referral) {
			DispatchForm form = allowedForm(piece, REFERRAL);
			var department = this.referenceData.recipient(referralDepartment.strip())
				.filter((recipient) -> recipient.kind().equals(form.recipientKind()))
				.orElseThrow(() -> new RuleViolation("UNKNOWN_DEPARTMENT", "承办单位不存在：" + referralDepartment));
			this.dispatches.save(new Dispatch(pieceId, REFERRAL, department.code(), now, userId));
			this.timeline.record(pieceId, userId, "dispatched", "转送", REFERRAL, department.name());
		}
		for (String code : upwardLevels) {
			Level level = Coded.find(Level.class, code)
				.filter((candidate) -> this.settings.upwardLevels().contains(candidate.code()))
				.orElseThrow(() -> new RuleViolation("LEVEL_NOT_CONFIGURED", "不能上报到该级政协：" + code));
			if (this.submissions.findByPieceIdAndLevel(pieceId, level.code()).isEmpty()) {
				this.submissions.save(new UpwardSubmission(pieceId, level, now));
				this.timeline.record(pieceId, userId, "submitted-upward", "上报", level.code(), level.displayName());
			}
		}
		piece.moveTo(PieceStatus.DISPATCHED, null, now);
	}

	private void dispatchToAll(Piece piece, String formCode, Instant now, String userId) {
		DispatchForm form = allowedForm(piece, formCode);
		for (var recipient : this.referenceData.recipients(form.recipientKind())) {
			this.dispatches.save(new Dispatch(piece.id(), formCode, recipient.code(), now, userId));
		}
		this.timeline.record(piece.id(), userId, "dispatched", form.name(), formCode, null);
	}

	private DispatchForm allowedForm(Piece piece, String formCode) {
		DispatchForm form = this.referenceData.form(formCode).orElseThrow();
		if (piece.isConfidential() && !form.allowsConfidential()) {
			throw new RuleViolation("CONFIDENTIAL_FORM_NOT_ALLOWED", "涉密信息不能以「" + form.name() + "」方式报送");
		}
		return form;
	}

	/** The levels still waiting for an answer: the collection of the waiting multi-instance in BPMN. */
	@Transactional(readOnly = true)
	public List<String> awaitedLevels(Long pieceId) {
		return this.submissions.findByPieceId(pieceId)
			.stream()
			.filter((submission) -> submission.status() == UpwardSubmission.Status.AWAITING)
			.map(UpwardSubmission::level)
			.toList();
	}

	/** An answer as recorded; {@code repeated} when the same message had been delivered before. */
	record RecordedAnswer(Adoption adoption, boolean repeated) {
	}

	/** What a higher level answered, recorded once. The same message delivered twice returns the first record. */
	RecordedAnswer recordAnswer(Long pieceId, String levelCode, String formCode, LocalDate adoptedOn, String reference,
			String messageId, String userId) {
		PlainText.check("采用说明", reference, 200);
		PlainText.check("消息编号", messageId, 100);
		if (messageId != null) {
			Optional<Adoption> delivered = this.adoptions.findByMessageId(messageId);
			if (delivered.isPresent()) {
				if (!delivered.get().pieceId().equals(pieceId)) {
					throw RuleViolation.conflict("MESSAGE_ID_REUSED", "消息编号已用于其他信息：" + messageId);
				}
				return new RecordedAnswer(delivered.get(), true);
			}
		}
		if (piece(pieceId).status() == PieceStatus.ARCHIVED) {
			throw RuleViolation.conflict("PIECE_ARCHIVED", "信息已归档，不能再记录采用情况");
		}
		Level level = Coded.find(Level.class, levelCode)
			.orElseThrow(() -> new RuleViolation("UNKNOWN_LEVEL", "采用层级无效：" + levelCode));
		AdoptionForm form = Coded.find(AdoptionForm.class, formCode)
			.orElseThrow(() -> new RuleViolation("UNKNOWN_ADOPTION_FORM", "采用形式无效：" + formCode));
		UpwardSubmission submission = this.submissions.findByPieceIdAndLevel(pieceId, level.code())
			.orElseThrow(() -> new RuleViolation("LEVEL_NOT_SUBMITTED", "该信息未上报" + level.displayName() + "，不能记录其采用情况"));
		if (this.adoptions.findByPieceIdAndLevel(pieceId, level.code()).isPresent()) {
			throw RuleViolation.conflict("ANSWER_ALREADY_RECORDED", level.displayName() + "的采用情况已经记录");
		}
		if (adoptedOn == null) {
			throw new RuleViolation("ADOPTION_DATE_REQUIRED", "请填写采用日期");
		}
		Instant now = ClockUtil.now().toInstant();
		if (adoptedOn.isAfter(now.atZone(this.zone).toLocalDate()) || adoptedOn.getYear() < 2000) {
			throw new RuleViolation("ADOPTION_DATE_INVALID", "采用日期无效：" + adoptedOn);
		}
		submission.close(UpwardSubmission.Status.ANSWERED, now);
		Adoption adoption = this.adoptions.save(
				new Adoption(pieceId, level, form, adoptedOn, reference, now, userId, messageId));
		this.timeline.record(pieceId, userId, "adoption-" + level.code(), level.displayName() + form.displayName(),
				form.code(), reference);
		return new RecordedAnswer(adoption, false);
	}

	/** The wait for a level's answer ended without one. */
	void recordNoAnswer(Long pieceId, String levelCode) {
		this.submissions.findByPieceIdAndLevel(pieceId, levelCode).ifPresent((submission) -> {
			if (submission.status() == UpwardSubmission.Status.AWAITING) {
				submission.close(UpwardSubmission.Status.NO_ANSWER, ClockUtil.now().toInstant());
				Level level = Coded.find(Level.class, levelCode).orElseThrow();
				this.timeline.record(pieceId, null, "no-answer-" + levelCode, level.displayName() + "未答复", "no-answer",
						null);
			}
		});
	}

	@Transactional(readOnly = true)
	public List<Adoption> adoptionsOf(Long pieceId) {
		return this.adoptions.findByPieceId(pieceId);
	}

	@Transactional(readOnly = true)
	public List<Dispatch> dispatchesOf(Long pieceId) {
		return this.dispatches.findByPieceId(pieceId);
	}

	@Transactional(readOnly = true)
	public Optional<BulletinIssue> issue(Long issueId) {
		return this.issues.findById(issueId);
	}

	private Piece piece(Long pieceId) {
		return this.pieces.findById(pieceId).orElseThrow();
	}

}
