package org.minyi.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.minyi.common.RuleViolation;
import org.minyi.engine.Privileged;
import org.minyi.identity.CurrentUser;
import org.minyi.identity.Role;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A higher committee's answer, posted by the info-section or an external system, and the
 * Word document of a published issue.
 */
@RestController
class DispatchApiController {

	/** A higher level's answer; {@code messageId} makes a repeated delivery harmless. */
	record AnswerRequest(String level, String form, LocalDate adoptedOn, String reference, String messageId) {
	}

	record AnswerView(Long id, Long pieceId, String level, String form, LocalDate adoptedOn, String reference,
			String messageId) {
	}

	/** One signed-off piece waiting for a bulletin issue. */
	record AwaitingView(long pieceId, String registrationNumber, String title, boolean confidential) {
	}

	record AwaitingPage(long total, List<AwaitingView> pieces) {
	}

	private static final int MAX_AWAITING_PAGE = 500;

	private static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final PublicationService publication;

	private final AdoptionService adoptions;

	private final PieceRepository pieces;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final BulletinDocument document;

	private final JdbcTemplate jdbc;

	private final ZoneId zone;

	DispatchApiController(PublicationService publication, AdoptionService adoptions, PieceRepository pieces,
			RuntimeService runtimeService, IdentityService identityService, BulletinDocument document,
			JdbcTemplate jdbc, @Value("${minyi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.publication = publication;
		this.adoptions = adoptions;
		this.pieces = pieces;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.document = document;
		this.jdbc = jdbc;
		this.zone = zone;
	}

	/**
	 * Every signed-off piece no issue carries yet, oldest first: the assembly form lists
	 * only the first.
	 */
	@GetMapping("/api/bulletin-issues/awaiting")
	AwaitingPage awaiting(@RequestParam(defaultValue = "100") int limit, CurrentUser user) {
		if (!user.hasAnyRole(Role.INFO_SECTION, Role.ADMIN)) {
			throw RuleViolation.forbidden("FORBIDDEN", "只有信息科可以查看待刊发信息");
		}
		if (limit < 1 || limit > MAX_AWAITING_PAGE) {
			throw new RuleViolation("INVALID_LIMIT", "limit 必须在 1 到 " + MAX_AWAITING_PAGE + " 之间");
		}
		List<AwaitingView> pieces = this.publication.awaitingPublication(limit)
			.stream()
			.map((piece) -> new AwaitingView(piece.id(), piece.registrationNumber(), piece.currentText().title(),
					piece.isConfidential()))
			.toList();
		return new AwaitingPage(this.publication.countAwaitingPublication(), pieces);
	}

	@PostMapping("/api/pieces/{id}/adoptions")
	@Transactional
	ResponseEntity<AnswerView> recordAnswer(@PathVariable long id, @RequestBody AnswerRequest request,
			CurrentUser user) {
		if (!user.hasAnyRole(Role.INFO_SECTION, Role.ADMIN)) {
			throw RuleViolation.forbidden("FORBIDDEN", "只有信息科可以记录采用情况");
		}
		if (request == null || request.level() == null || request.form() == null) {
			throw new RuleViolation("FIELD_REQUIRED", "请提供采用层级（level）和采用形式（form）");
		}
		Piece piece = this.pieces.findById(id)
			.orElseThrow(() -> RuleViolation.notFound("PIECE_NOT_FOUND", "信息不存在：" + id));
		AdoptionService.RecordedAnswer recorded = this.adoptions.recordAnswer(id, request.level(), request.form(),
				request.adoptedOn(), request.reference(), request.messageId(), user.id());
		Adoption adoption = recorded.adoption();
		if (!recorded.repeated()) {
			// The branch waiting for this level's answer ends; nothing waits any more
			// after a timeout.
			Privileged.run(this.identityService,
					() -> this.runtimeService
						.createMessageCorrelation(DispatchProcess.MESSAGE_UPWARD_ANSWER_PREFIX + adoption.level())
						.processInstanceBusinessKey(piece.registrationNumber())
						.correlateAllWithResult());
		}
		AnswerView view = new AnswerView(adoption.id(), adoption.pieceId(), adoption.level(), adoption.form(),
				adoption.adoptedOn(), adoption.reference(), adoption.messageId());
		return ResponseEntity.status(recorded.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(view);
	}

	@GetMapping("/api/bulletin-issues/{id}/document")
	@Transactional(readOnly = true)
	ResponseEntity<byte[]> document(@PathVariable long id, CurrentUser user) {
		BulletinIssue issue = this.publication.issue(id)
			.filter((candidate) -> mayRead(candidate, user))
			.orElseThrow(() -> RuleViolation.notFound("ISSUE_NOT_FOUND", "期刊不存在或无权查看"));
		List<Piece> carried = issue.pieceIds()
			.stream()
			.map((pieceId) -> this.pieces.findById(pieceId).orElseThrow())
			.toList();
		String publicationName = this.jdbc.queryForObject("SELECT name FROM minyi_publication WHERE code = ?",
				String.class, issue.publicationCode());
		byte[] body = this.document.render(issue, "《" + publicationName + "》", carried, this.zone);
		String filename = publicationName + issue.label() + ".docx";
		return ResponseEntity.ok()
			.contentType(DOCX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	private static boolean mayRead(BulletinIssue issue, CurrentUser user) {
		if (issue.isConfidential()) {
			return user.hasAnyRole(Role.INFO_SECTION, Role.SECRETARY_GENERAL, Role.VICE_CHAIR, Role.ADMIN);
		}
		return user.hasAnyRole(Role.INFO_SECTION, Role.SECRETARY_GENERAL, Role.VICE_CHAIR, Role.ADMIN, Role.LEADER,
				Role.SUPERVISOR);
	}

}
