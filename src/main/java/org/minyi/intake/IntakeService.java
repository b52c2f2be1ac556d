package org.minyi.intake;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.minyi.common.Coded;
import org.minyi.common.RuleViolation;
import org.minyi.engine.EngineTime;
import org.minyi.engine.Privileged;
import org.minyi.identity.Role;
import org.minyi.piece.Channel;
import org.minyi.piece.Confidentiality;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceAuthorizations;
import org.minyi.piece.PieceFacts;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceText;
import org.minyi.piece.ReferenceData;
import org.minyi.piece.Urgency;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Receiving and registering pieces: the rules of steps 1 and 2 of the lifecycle. */
@Service
public class IntakeService {

	private static final int MAX_CO_SUBMITTERS = 20;

	private final PieceRepository pieces;

	private final ReferenceData referenceData;

	private final IdentityService identityService;

	private final PieceAuthorizations authorizations;

	private final ApplicationEventPublisher events;

	private final RegistrationNumbers registrationNumbers;

	IntakeService(PieceRepository pieces, ReferenceData referenceData, IdentityService identityService,
			PieceAuthorizations authorizations, ApplicationEventPublisher events,
			RegistrationNumbers registrationNumbers) {
		this.pieces = pieces;
		this.referenceData = referenceData;
		this.identityService = identityService;
		this.authorizations = authorizations;
		this.events = events;
		this.registrationNumbers = registrationNumbers;
	}

	/**
	 * Creates the piece of a new process instance, or refuses the submission with the
	 * first broken rule.
	 */
	Piece receive(PieceSubmission submission, String initiator, String processInstanceId) {
		checkReference(submission.categoryCode(), submission.sourceTypeCode());
		Channel channel = (submission.channel() == null) ? Channel.ONLINE
				: Coded.find(Channel.class, submission.channel())
					.orElseThrow(() -> new RuleViolation("UNKNOWN_CHANNEL", "来源渠道无效：" + submission.channel()));
		Urgency urgency = (submission.urgency() == null) ? Urgency.NORMAL
				: Coded.find(Urgency.class, submission.urgency())
					.orElseThrow(() -> new RuleViolation("UNKNOWN_URGENCY", "紧急程度无效：" + submission.urgency()));
		Confidentiality confidentiality = (submission.confidentiality() == null) ? Confidentiality.PUBLIC
				: Coded.find(Confidentiality.class, submission.confidentiality())
					.orElseThrow(
							() -> new RuleViolation("UNKNOWN_CONFIDENTIALITY", "密级无效：" + submission.confidentiality()));
		if (initiator == null) {
			throw RuleViolation.forbidden("NOT_AUTHENTICATED", "请先登录再提交信息");
		}
		String submitterId;
		String submitterName;
		if (channel == Channel.ONLINE) {
			submitterId = initiator;
			submitterName = displayName(initiator);
		}
		else {
			if (!isMember(initiator, Role.INFO_SECTION)) {
				throw RuleViolation.forbidden("CHANNEL_FORBIDDEN", "只有信息科可以登记电话、来信等渠道收到的信息");
			}
			if (submission.originalSubmitter() == null || submission.originalSubmitter().isBlank()) {
				throw new RuleViolation("ORIGINAL_SUBMITTER_REQUIRED", "登记其他渠道收到的信息时必须填写原反映人");
			}
			submitterId = null;
			submitterName = submission.originalSubmitter();
		}
		List<String> coSubmitters = coSubmitters(submission.coSubmitters(), submitterId);
		PieceText text = new PieceText(submission.title(), submission.situation(), submission.analysis(),
				submission.suggestions());
		Piece piece = new Piece(text, submission.categoryCode(), submission.sourceTypeCode(), submission.sourceUnit(),
				channel, submitterId, submitterName, urgency, confidentiality, EngineTime.instant());
		for (String coSubmitter : coSubmitters) {
			piece.addCoSubmitter(coSubmitter, displayName(coSubmitter));
		}
		piece.attachProcessInstance(processInstanceId);
		this.pieces.save(piece);
		this.authorizations.grantFor(piece, processInstanceId);
		this.events.publishEvent(new PieceSubmitted(PieceFacts.of(piece), initiator, channel.code()));
		return piece;
	}

	/**
	 * Numbers the piece on its first registration (the number is kept whatever happens
	 * next), classifies it, and records the registrar's decision now that the number is
	 * known.
	 */
	Piece register(Long pieceId, String categoryCode, String sourceTypeCode, String decision, String comment,
			String clerkId) {
		checkReference(categoryCode, sourceTypeCode);
		Piece piece = this.pieces.findById(pieceId).orElseThrow();
		if (piece.registrationNumber() == null) {
			piece.register(this.registrationNumbers.next(), clerkId, EngineTime.instant());
		}
		piece.classify(categoryCode, sourceTypeCode);
		PieceFacts facts = PieceFacts.of(piece);
		this.events.publishEvent(switch (String.valueOf(decision)) {
			case PieceProcess.RETURN -> new PieceReturned(facts, clerkId, comment);
			case PieceProcess.REJECT -> new PieceRejected(facts, clerkId, comment);
			default -> new PieceRegistered(facts, clerkId, comment);
		});
		return piece;
	}

	/**
	 * The submitter's revised text replaces the submitted text; the editor's copy starts
	 * again from it.
	 */
	Piece revise(Long pieceId, PieceText text) {
		Piece piece = this.pieces.findById(pieceId).orElseThrow();
		piece.reviseOriginalText(text, EngineTime.instant());
		return piece;
	}

	void checkReference(String categoryCode, String sourceTypeCode) {
		if (this.referenceData.activeCategory(categoryCode).isEmpty()) {
			throw new RuleViolation("UNKNOWN_CATEGORY", "信息类别不存在或已停用：" + categoryCode);
		}
		if (this.referenceData.activeSourceType(sourceTypeCode).isEmpty()) {
			throw new RuleViolation("UNKNOWN_SOURCE_TYPE", "来源类型不存在或已停用：" + sourceTypeCode);
		}
	}

	private List<String> coSubmitters(String list, String submitterId) {
		if (list == null || list.isBlank()) {
			return List.of();
		}
		Set<String> ids = new LinkedHashSet<>(List.of(list.strip().split("[\\s,，、;；]+")));
		ids.remove(submitterId);
		if (ids.size() > MAX_CO_SUBMITTERS) {
			throw new RuleViolation("TOO_MANY_CO_SUBMITTERS", "联名人不能超过" + MAX_CO_SUBMITTERS + "人");
		}
		List<String> unknown = new ArrayList<>();
		for (String id : ids) {
			if (user(id) == null) {
				unknown.add(id);
			}
		}
		if (!unknown.isEmpty()) {
			throw new RuleViolation("UNKNOWN_CO_SUBMITTER", "联名人账号不存在：" + String.join("、", unknown));
		}
		return List.copyOf(ids);
	}

	private String displayName(String userId) {
		User user = user(userId);
		if (user == null) {
			return userId;
		}
		String name = ((user.getLastName() == null) ? "" : user.getLastName())
				+ ((user.getFirstName() == null) ? "" : user.getFirstName());
		return name.isBlank() ? userId : name;
	}

	private User user(String userId) {
		return Privileged.call(() -> this.identityService.createUserQuery().userId(userId).singleResult());
	}

	private boolean isMember(String userId, Role role) {
		return Privileged.call(
				() -> this.identityService.createGroupQuery().groupMember(userId).groupId(role.groupId()).count() > 0);
	}

}
