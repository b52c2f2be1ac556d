package org.minyi.intake;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.TaskQuery;
import org.minyi.common.RuleViolation;
import org.minyi.identity.CurrentUser;
import org.minyi.identity.Role;
import org.minyi.piece.CommentAudience;
import org.minyi.piece.Credit;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceAccess;
import org.minyi.piece.PieceEvent;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceText;
import org.minyi.piece.PieceTimeline;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application's API for clients other than Tasklist (a reporting station's app, for
 * example): submit a piece, read one with its timeline, list my pieces; and for the
 * registrar, the recent pieces similar to one (Tasklist's 「相似信息」 tab). Submitting starts
 * the same process with the same rules as the Tasklist start form.
 */
@RestController
@RequestMapping("/api/pieces")
class PieceApiController {

	/**
	 * A piece as the API shows it; confidential content only reaches users
	 * {@link PieceAccess} allows, and each comment only those {@link CommentAudience}
	 * allows.
	 */
	record PieceView(Long id, String registrationNumber, String status, String statusName, String title,
			PieceText original, PieceText edited, String categoryCode, String sourceTypeCode, String sourceUnit,
			String channel, String submitterName, List<String> credited, String urgency, String confidentiality,
			String closingReason, Instant submittedAt, Instant registeredAt, List<TimelineEntry> timeline,
			String processInstanceId, List<OpenTask> openTasks) {
	}

	/**
	 * An open task of the piece's processes that the caller may see, and where Tasklist
	 * shows it.
	 */
	record OpenTask(String id, String name, String taskDefinitionKey, String processDefinitionKey, String assignee,
			Date due, String tasklistUrl) {
	}

	record TimelineEntry(Instant at, String actor, String step, String stepName, String decision, String comment) {
	}

	record PieceSummary(Long id, String registrationNumber, String title, String status, String statusName,
			Instant submittedAt, String processInstanceId) {
	}

	/**
	 * A recent piece that may be a duplicate: {@code id} links to {@code GET
	 * /api/pieces/{id}}.
	 */
	record SimilarPiece(Long id, String registrationNumber, String title, int similarityPercent) {
	}

	/**
	 * A piece has a handful of open tasks at a time: one per step, one per department
	 * case.
	 */
	private static final int MAX_OPEN_TASKS = 50;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final PieceRepository pieces;

	private final PieceTimeline timeline;

	private final DuplicateFinder duplicates;

	PieceApiController(RuntimeService runtimeService, TaskService taskService, PieceRepository pieces,
			PieceTimeline timeline, DuplicateFinder duplicates) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.pieces = pieces;
		this.timeline = timeline;
		this.duplicates = duplicates;
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
		Piece piece = readable(id, user);
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
				piece.registeredAt(), entries, piece.processInstanceId(), openTasks(piece));
	}

	/**
	 * The duplicate check is the registrar's: the list names other submitters' pieces, so
	 * it is computed for her alone, never stored in the process, and holds only pieces
	 * she may read herself.
	 */
	@GetMapping("/{id}/similar")
	@Transactional(readOnly = true)
	List<SimilarPiece> similar(@PathVariable long id, CurrentUser user) {
		if (!user.hasRole(Role.INFO_SECTION)) {
			throw RuleViolation.forbidden("SIMILAR_PIECES_FORBIDDEN", "只有信息科登记人员可以查看相似信息");
		}
		return this.duplicates.candidatesFor(readable(id, user), user.id(), user.groupIds())
			.stream()
			.map((candidate) -> new SimilarPiece(candidate.piece().id(), candidate.piece().registrationNumber(),
					candidate.piece().currentText().title(), candidate.percent()))
			.toList();
	}

	@GetMapping("/mine")
	@Transactional(readOnly = true)
	List<PieceSummary> mine(CurrentUser user) {
		return this.pieces.findCrediting(user.id()).stream().map(PieceApiController::summary).toList();
	}

	private Piece readable(long id, CurrentUser user) {
		return this.pieces.findById(id)
			.filter((candidate) -> PieceAccess.canRead(candidate, user.id(), user.groupIds()))
			// Not 403: whether an unreadable (confidential) piece exists is itself not to
			// be told.
			.orElseThrow(() -> RuleViolation.notFound("PIECE_NOT_FOUND", "信息不存在或无权查看"));
	}

	private static PieceSummary summary(Piece piece) {
		return new PieceSummary(piece.id(), piece.registrationNumber(), piece.currentText().title(),
				piece.status().name(), piece.status().displayName(), piece.submittedAt(), piece.processInstanceId());
	}

	/**
	 * The open tasks of the piece's own process and of those that carry its registration
	 * number as business key (dispatch, follow-up), asked as the caller, so only those
	 * the caller's grants show.
	 */
	private List<OpenTask> openTasks(Piece piece) {
		if (piece.processInstanceId() == null) {
			return List.of();
		}
		TaskQuery query = this.taskService.createTaskQuery();
		if (piece.registrationNumber() != null) {
			query.or()
				.processInstanceId(piece.processInstanceId())
				.processInstanceBusinessKey(piece.registrationNumber())
				.endOr();
		}
		else {
			query.processInstanceId(piece.processInstanceId());
		}
		return query.orderByTaskCreateTime()
			.asc()
			.listPage(0, MAX_OPEN_TASKS)
			.stream()
			.map((task) -> new OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(),
					processKey(task.getProcessDefinitionId()), task.getAssignee(), task.getDueDate(),
					"/camunda/app/tasklist/default/#/?task=" + task.getId()))
			.toList();
	}

	/** Definition ids are {@code key:version:id}. */
	private static String processKey(String processDefinitionId) {
		return (processDefinitionId == null) ? null : processDefinitionId.split(":")[0];
	}

}
