package org.minyi.intake;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.minyi.common.RuleViolation;
import org.minyi.piece.CommentAudience;
import org.minyi.piece.Credit;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceAccess;
import org.minyi.piece.PieceEvent;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceText;
import org.minyi.piece.PieceTimeline;
import org.minyi.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application's API for clients other than Tasklist (a reporting station's app, for example):
 * submit a piece, read one with its timeline, list my pieces. Submitting starts the same process with
 * the same rules as the Tasklist start form.
 */
@RestController
@RequestMapping("/api/pieces")
class PieceApiController {

	/**
	 * A piece as the API shows it; confidential content only reaches users {@link PieceAccess} allows, and each
	 * comment only those {@link CommentAudience} allows.
	 */
	record PieceView(Long id, String registrationNumber, String status, String statusName, String title,
			PieceText original, PieceText edited, String categoryCode, String sourceTypeCode, String sourceUnit,
			String channel, String submitterName, List<String> credited, String urgency, String confidentiality,
			String closingReason, Instant submittedAt, Instant registeredAt, List<TimelineEntry> timeline) {
	}

	record TimelineEntry(Instant at, String actor, String step, String stepName, String decision, String comment) {
	}

	record PieceSummary(Long id, String registrationNumber, String title, String status, String statusName,
			Instant submittedAt) {
	}

	private final RuntimeService runtimeService;

	private final PieceRepository pieces;

	private final PieceTimeline timeline;

	PieceApiController(RuntimeService runtimeService, PieceRepository pieces, PieceTimeline timeline) {
		this.runtimeService = runtimeService;
		this.pieces = pieces;
		this.timeline = timeline;
	}

	@PostMapping
	ResponseEntity<PieceSummary> submit(@RequestBody PieceSubmission submission, CurrentUser user) {
		if (submission == null) {
			throw new RuleViolation("BODY_REQUIRED", "请求体不能为空");
		}
		ProcessInstance instance = this.runtimeService.startProcessInstanceByKey(PieceProcess.KEY,
				submission.toVariables());
		Piece piece = this.pieces.findByProcessInstanceId(instance.getId()).orElseThrow();
		return ResponseEntity.created(URI.create("/api/pieces/" + piece.id())).body(summary(piece));
	}

	@GetMapping("/{id}")
	@Transactional(readOnly = true)
	PieceView read(@PathVariable long id, CurrentUser user) {
		Piece piece = this.pieces.findById(id)
			.filter((candidate) -> PieceAccess.canRead(candidate, user.id(), user.groupIds()))
			// Not 403: whether an unreadable (confidential) piece exists is itself not to be told.
			.orElseThrow(() -> RuleViolation.notFound("PIECE_NOT_FOUND", "信息不存在或无权查看"));
		List<PieceEvent> events = this.timeline.of(piece.id());
		CommentAudience audience = CommentAudience.of(piece, user.id(), user.groupIds(), events);
		List<TimelineEntry> entries = events.stream()
			.map((event) -> new TimelineEntry(event.occurredAt(), event.actorId(), event.step(), event.stepName(),
					event.decision(), audience.commentOf(event)))
			.toList();
		return new PieceView(piece.id(), piece.registrationNumber(), piece.status().name(),
				piece.status().displayName(), piece.currentText().title(), piece.originalText(),
				piece.isEdited() ? piece.currentText() : null, piece.categoryCode(), piece.sourceTypeCode(),
				piece.sourceUnit(), piece.channel().code(), piece.submitterName(),
				piece.credits().stream().map(Credit::name).distinct().toList(), piece.urgency().code(),
				piece.confidentiality().code(), audience.closingReasonOf(piece), piece.submittedAt(),
				piece.registeredAt(), entries);
	}

	@GetMapping("/mine")
	@Transactional(readOnly = true)
	List<PieceSummary> mine(CurrentUser user) {
		return this.pieces.findCrediting(user.id()).stream().map(PieceApiController::summary).toList();
	}

	private static PieceSummary summary(Piece piece) {
		return new PieceSummary(piece.id(), piece.registrationNumber(), piece.currentText().title(),
				piece.status().name(), piece.status().displayName(), piece.submittedAt());
	}

}
