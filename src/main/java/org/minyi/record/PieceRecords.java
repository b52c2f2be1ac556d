package org.minyi.record;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.minyi.attachment.AttachmentService;
import org.minyi.common.RuleViolation;
import org.minyi.dispatch.AdoptionService;
import org.minyi.dispatch.DispatchService;
import org.minyi.dispatch.PublicationService;
import org.minyi.engine.Privileged;
import org.minyi.followup.FollowupCase;
import org.minyi.followup.FollowupService;
import org.minyi.identity.CurrentUser;
import org.minyi.identity.Role;
import org.minyi.instruction.InstructionService;
import org.minyi.piece.CommentAudience;
import org.minyi.piece.Credit;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceAccess;
import org.minyi.piece.PieceEvent;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceTimeline;
import org.minyi.record.PieceRecord.Adopted;
import org.minyi.record.PieceRecord.Case;
import org.minyi.record.PieceRecord.Dispatched;
import org.minyi.record.PieceRecord.Entry;
import org.minyi.record.PieceRecord.Instructed;
import org.minyi.record.PieceRecord.Issue;
import org.minyi.record.PieceRecord.Verification;
import org.minyi.record.RecordNames.Names;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a piece's record together for one reader from the capabilities that own its parts.
 * Who reads what follows {@link CommentAudience}: the staff who handle or oversee pieces
 * read everything; a department reads the instructions naming it and its own cases; the
 * people a piece credits read what they are told (the text, the timeline's entries with
 * the comments meant for them, the bulletin and adoptions).
 */
@Service
public class PieceRecords {

	private static final Set<Role> STAFF = Set.of(Role.INFO_SECTION, Role.VERIFIER, Role.SECRETARY_GENERAL,
			Role.VICE_CHAIR, Role.LEADER, Role.SUPERVISOR, Role.ADMIN);

	private static final Map<FollowupCase.Status, String> CASE_STATUSES = Map.of(FollowupCase.Status.OPEN, "办理中",
			FollowupCase.Status.REPLIED, "已办复，待审核", FollowupCase.Status.HAND_BACK_REQUESTED, "申请退回，待审核",
			FollowupCase.Status.CLOSED, "已办结");

	private final PieceRepository pieces;

	private final PieceTimeline timeline;

	private final PublicationService publications;

	private final DispatchService dispatches;

	private final AdoptionService adoptions;

	private final InstructionService instructions;

	private final FollowupService followups;

	private final AttachmentService attachments;

	private final IdentityService identityService;

	private final RecordNames recordNames;

	PieceRecords(PieceRepository pieces, PieceTimeline timeline, PublicationService publications,
			DispatchService dispatches, AdoptionService adoptions, InstructionService instructions,
			FollowupService followups, AttachmentService attachments, IdentityService identityService,
			RecordNames recordNames) {
		this.pieces = pieces;
		this.timeline = timeline;
		this.publications = publications;
		this.dispatches = dispatches;
		this.adoptions = adoptions;
		this.instructions = instructions;
		this.followups = followups;
		this.attachments = attachments;
		this.identityService = identityService;
		this.recordNames = recordNames;
	}

	@Transactional(readOnly = true)
	public PieceRecord of(long pieceId, CurrentUser user) {
		Piece piece = this.pieces.findById(pieceId)
			.filter((candidate) -> PieceAccess.canRead(candidate, user.id(), user.groupIds()))
			// Not 403: whether an unreadable (confidential) piece exists is itself not to
			// be told.
			.orElseThrow(() -> RuleViolation.notFound("PIECE_NOT_FOUND", "信息不存在或无权查看"));
		Names names = this.recordNames.forRequest();
		boolean staff = STAFF.stream().anyMatch(user::hasRole);
		Set<String> departments = PieceAccess.departments(user.groupIds());
		List<PieceEvent> events = this.timeline.of(piece.id());
		CommentAudience audience = CommentAudience.of(piece, user.id(), user.groupIds(), events);
		Map<String, String> people = people(events.stream().map(PieceEvent::actorId).toList());
		List<Entry> entries = events.stream()
			.map((event) -> new Entry(event.occurredAt(),
					(event.actorId() == null) ? "系统" : people.getOrDefault(event.actorId(), event.actorId()),
					event.stepName(), names.decision(event.step(), event.decision()), audience.commentOf(event)))
			.toList();
		List<Issue> issues = this.publications.issuesOf(piece.id())
			.stream()
			.map((issue) -> new Issue(names.of(issue.publicationCode()) + " " + issue.label(), issue.publishedAt()))
			.toList();
		List<Adopted> adopted = this.adoptions.adoptionsOf(piece.id())
			.stream()
			.map((adoption) -> new Adopted(names.of(adoption.level()), names.of(adoption.form()), adoption.adoptedOn(),
					adoption.reference()))
			.toList();
		List<Dispatched> dispatched = !staff ? List.of() : this.dispatches.dispatchesOf(piece.id())
			.stream()
			.map((dispatch) -> new Dispatched(names.of(dispatch.recipientCode()), names.of(dispatch.formCode())))
			.toList();
		List<Instructed> instructed = this.instructions.instructionsOf(piece.id())
			.stream()
			.filter((instruction) -> staff || overlaps(instruction.departments(), departments))
			.map((instruction) -> new Instructed(names.of(instruction.leaderCode()),
					names.of(instruction.leaderLevel()), instruction.instructedOn(), instruction.text(),
					instruction.departments().stream().map(names::of).toList()))
			.toList();
		List<Case> cases = this.followups.casesOf(piece.id())
			.stream()
			.filter((followup) -> staff || departments.contains(followup.departmentCode()))
			.map((followup) -> new Case(names.of(followup.departmentCode()), followup.isLead(),
					CASE_STATUSES.get(followup.status()), followup.deadline(), followup.isOverdue(),
					followup.isExtended(), followup.reminders(), followup.chases(), names.of(followup.replyResult()),
					names.of(followup.resolution())))
			.toList();
		Verification verification = (!staff || piece.verificationResult() == null) ? null
				: new Verification(names.of(piece.verificationResult()), piece.verificationNotes());
		return new PieceRecord(piece.id(), piece.registrationNumber(), piece.currentText().title(),
				piece.status().displayName(), names.of(piece.categoryCode()), names.of(piece.sourceTypeCode()),
				piece.sourceUnit(), piece.channel().displayName(), piece.submitterName(),
				piece.credits().stream().map(Credit::name).distinct().toList(), piece.urgency().displayName(),
				piece.confidentiality().displayName(), piece.submittedAt(), piece.registeredAt(), piece.originalText(),
				piece.isEdited() ? piece.currentText() : null, verification, entries, issues, dispatched, adopted,
				instructed, cases, this.attachments.list(piece.id(), user));
	}

	/**
	 * The names of the people of the timeline, read on the application's behalf: a reader
	 * sees who acted.
	 */
	private Map<String, String> people(List<String> ids) {
		String[] distinct = ids.stream().filter((id) -> id != null).distinct().toArray(String[]::new);
		Map<String, String> names = new HashMap<>();
		if (distinct.length > 0) {
			Privileged
				.call(this.identityService, () -> this.identityService.createUserQuery().userIdIn(distinct).list())
				.forEach((User person) -> names.put(person.getId(),
						(nullToEmpty(person.getLastName()) + nullToEmpty(person.getFirstName())).strip()));
		}
		return names;
	}

	private static boolean overlaps(Collection<String> left, Set<String> right) {
		return left.stream().anyMatch(right::contains);
	}

	private static String nullToEmpty(String text) {
		return (text == null) ? "" : text;
	}

}
