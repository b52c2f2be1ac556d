package org.minyi.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.minyi.common.Coded;
import org.minyi.common.PlainText;
import org.minyi.common.RuleViolation;
import org.minyi.engine.EngineTime;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceFacts;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adoption by higher committees (采用, step 7): which levels a piece still waits for, their
 * answers (adopted at a level in a form, or not) recorded once, and the end of a wait
 * without an answer.
 */
@Service("adoptionService")
public class AdoptionService {

	private final PieceRepository pieces;

	private final UpwardSubmissionRepository submissions;

	private final AdoptionRepository adoptions;

	private final DispatchSettings settings;

	private final ApplicationEventPublisher events;

	private final ZoneId zone;

	AdoptionService(PieceRepository pieces, UpwardSubmissionRepository submissions, AdoptionRepository adoptions,
			DispatchSettings settings, ApplicationEventPublisher events,
			@Value("${minyi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.pieces = pieces;
		this.submissions = submissions;
		this.adoptions = adoptions;
		this.settings = settings;
		this.events = events;
		this.zone = zone;
	}

	/**
	 * How long an upward submission waits for its answer; the BPMN timer reads
	 * {@code ${adoptionService.answerWait}}.
	 */
	public String getAnswerWait() {
		return this.settings.answerWait();
	}

	/**
	 * The levels still waiting for an answer: the collection of the waiting
	 * multi-instance in BPMN.
	 */
	@Transactional(readOnly = true)
	public List<String> awaitedLevels(Long pieceId) {
		return this.submissions.findByPieceId(pieceId)
			.stream()
			.filter((submission) -> submission.status() == UpwardSubmission.Status.AWAITING)
			.map(UpwardSubmission::level)
			.toList();
	}

	/**
	 * An answer as recorded; {@code repeated} when the same message had been delivered
	 * before.
	 */
	record RecordedAnswer(Adoption adoption, boolean repeated) {
	}

	/**
	 * What a higher level answered, recorded once. The same message delivered twice
	 * returns the first record.
	 */
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
		Piece piece = piece(pieceId);
		if (piece.status() == PieceStatus.ARCHIVED) {
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
		Instant now = EngineTime.instant();
		if (adoptedOn.isAfter(now.atZone(this.zone).toLocalDate()) || adoptedOn.getYear() < 2000) {
			throw new RuleViolation("ADOPTION_DATE_INVALID", "采用日期无效：" + adoptedOn);
		}
		submission.close(UpwardSubmission.Status.ANSWERED, now);
		Adoption adoption = this.adoptions
			.save(new Adoption(pieceId, level, form, adoptedOn, reference, now, userId, messageId));
		this.events.publishEvent(new AdoptionRecorded(PieceFacts.of(piece), userId, level, form, reference));
		return new RecordedAnswer(adoption, false);
	}

	/** The wait for a level's answer ended without one. */
	void recordNoAnswer(Long pieceId, String levelCode) {
		this.submissions.findByPieceIdAndLevel(pieceId, levelCode).ifPresent((submission) -> {
			if (submission.status() == UpwardSubmission.Status.AWAITING) {
				submission.close(UpwardSubmission.Status.NO_ANSWER, EngineTime.instant());
				this.events
					.publishEvent(new NoAnswerRecorded(pieceId, Coded.find(Level.class, levelCode).orElseThrow()));
			}
		});
	}

	@Transactional(readOnly = true)
	public List<Adoption> adoptionsOf(Long pieceId) {
		return this.adoptions.findByPieceId(pieceId);
	}

	private Piece piece(Long pieceId) {
		return this.pieces.findById(pieceId).orElseThrow();
	}

}
