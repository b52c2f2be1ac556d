package org.minyi.dispatch;

import java.time.Instant;
import java.util.List;

import org.minyi.common.Coded;
import org.minyi.common.RuleViolation;
import org.minyi.dispatch.DispatchReferenceData.DispatchForm;
import org.minyi.engine.EngineTime;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dispatch (报送, step 7): the forms a piece is sent by (专报 to every principal leader, 转报
 * through the Party and government offices, 转送 to a department) and its upward
 * submissions. Publication is {@link PublicationService}, the higher committees' answers
 * {@link AdoptionService}.
 */
@Service("dispatchService")
public class DispatchService {

	/** Dispatch form codes: 专报, 转报, 转送. */
	public static final String DIRECT_REPORT = "direct-report";

	public static final String FORWARD_REPORT = "forward-report";

	public static final String REFERRAL = "referral";

	private final PieceRepository pieces;

	private final DispatchRepository dispatches;

	private final UpwardSubmissionRepository submissions;

	private final DispatchReferenceData referenceData;

	private final DispatchSettings settings;

	private final ApplicationEventPublisher events;

	DispatchService(PieceRepository pieces, DispatchRepository dispatches, UpwardSubmissionRepository submissions,
			DispatchReferenceData referenceData, DispatchSettings settings, ApplicationEventPublisher events) {
		this.pieces = pieces;
		this.dispatches = dispatches;
		this.submissions = submissions;
		this.referenceData = referenceData;
		this.settings = settings;
		this.events = events;
	}

	/**
	 * Records the dispatch forms chosen for a piece and its upward submissions. 专报 goes
	 * to every principal leader, 转报 to the Party and government offices, 转送 to the named
	 * department.
	 */
	void dispatch(Long pieceId, boolean directReport, boolean forwardReport, String referralDepartment,
			List<String> upwardLevels, String userId) {
		Piece piece = piece(pieceId);
		boolean referral = referralDepartment != null && !referralDepartment.isBlank();
		if (!directReport && !forwardReport && !referral) {
			throw new RuleViolation("DISPATCH_FORM_REQUIRED", "请至少选择一种报送方式（专报、转报或转送）");
		}
		Instant now = EngineTime.instant();
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
			this.events.publishEvent(new PieceDispatched(pieceId, userId, REFERRAL, "转送", department.name()));
		}
		for (String code : upwardLevels) {
			Level level = Coded.find(Level.class, code)
				.filter((candidate) -> this.settings.upwardLevels().contains(candidate.code()))
				.orElseThrow(() -> new RuleViolation("LEVEL_NOT_CONFIGURED", "不能上报到该级政协：" + code));
			if (this.submissions.findByPieceIdAndLevel(pieceId, level.code()).isEmpty()) {
				this.submissions.save(new UpwardSubmission(pieceId, level, now));
				this.events.publishEvent(new PieceSubmittedUpward(pieceId, userId, level));
			}
		}
		piece.moveTo(PieceStatus.DISPATCHED, null, now);
	}

	private void dispatchToAll(Piece piece, String formCode, Instant now, String userId) {
		DispatchForm form = allowedForm(piece, formCode);
		for (var recipient : this.referenceData.recipients(form.recipientKind())) {
			this.dispatches.save(new Dispatch(piece.id(), formCode, recipient.code(), now, userId));
		}
		this.events.publishEvent(new PieceDispatched(piece.id(), userId, formCode, form.name(), null));
	}

	private DispatchForm allowedForm(Piece piece, String formCode) {
		DispatchForm form = this.referenceData.form(formCode).orElseThrow();
		if (piece.isConfidential() && !form.allowsConfidential()) {
			throw new RuleViolation("CONFIDENTIAL_FORM_NOT_ALLOWED", "涉密信息不能以「" + form.name() + "」方式报送");
		}
		return form;
	}

	@Transactional(readOnly = true)
	public List<Dispatch> dispatchesOf(Long pieceId) {
		return this.dispatches.findByPieceId(pieceId);
	}

	private Piece piece(Long pieceId) {
		return this.pieces.findById(pieceId).orElseThrow();
	}

}
