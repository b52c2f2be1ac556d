package org.minyi.dispatch;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.minyi.common.GaplessCounter;
import org.minyi.common.RuleViolation;
import org.minyi.engine.EngineTime;
import org.minyi.piece.Credit;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceFacts;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publication (编发, step 6): the signed-off pieces waiting for a bulletin issue, and
 * publishing an issue with the next gap-free number of its publication and year, which is
 * adoption by this committee.
 */
@Service("publicationService")
public class PublicationService {

	private final PieceRepository pieces;

	private final BulletinIssueRepository issues;

	private final AdoptionRepository adoptions;

	private final DispatchReferenceData referenceData;

	private final GaplessCounter counter;

	private final ApplicationEventPublisher events;

	private final ZoneId zone;

	PublicationService(PieceRepository pieces, BulletinIssueRepository issues, AdoptionRepository adoptions,
			DispatchReferenceData referenceData, GaplessCounter counter, ApplicationEventPublisher events,
			@Value("${minyi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.pieces = pieces;
		this.issues = issues;
		this.adoptions = adoptions;
		this.referenceData = referenceData;
		this.counter = counter;
		this.events = events;
		this.zone = zone;
	}

	/** The oldest signed-off pieces that no issue carries yet, at most {@code limit}. */
	public List<Piece> awaitingPublication(int limit) {
		return this.pieces.findByStatusOrderByRegisteredAtAsc(PieceStatus.SIGNED_OFF, PageRequest.of(0, limit));
	}

	public long countAwaitingPublication() {
		return this.pieces.countByStatus(PieceStatus.SIGNED_OFF);
	}

	/**
	 * Publishes an issue with these pieces: the next gap-free number of the publication's
	 * year, and adoption by this committee for every piece. Returns the issue; the caller
	 * tells each piece's process.
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
		Instant now = EngineTime.instant();
		int year = now.atZone(this.zone).getYear();
		int number = this.counter.next("bulletin:" + publicationCode, year);
		boolean confidential = carried.stream().anyMatch(Piece::isConfidential);
		BulletinIssue issue = this.issues.save(new BulletinIssue(publicationCode, year, number, confidential,
				carried.stream().map(Piece::id).toList(), now, userId));
		for (Piece piece : carried) {
			piece.moveTo(PieceStatus.PUBLISHED, null, now);
			boolean combined = piece.credits().stream().anyMatch((credit) -> credit.kind() == Credit.Kind.MERGED);
			AdoptionForm form = combined ? AdoptionForm.COMBINED : AdoptionForm.SINGLE;
			this.adoptions.save(new Adoption(piece.id(), Level.COMMITTEE, form, now.atZone(this.zone).toLocalDate(),
					issue.label(), now, userId, null));
			this.events
				.publishEvent(new PiecePublished(PieceFacts.of(piece), userId, publicationCode, issue.label(), form));
		}
		return issue;
	}

	@Transactional(readOnly = true)
	public Optional<BulletinIssue> issue(Long issueId) {
		return this.issues.findById(issueId);
	}

	/** The issues that published this piece, first published first. */
	@Transactional(readOnly = true)
	public List<BulletinIssue> issuesOf(Long pieceId) {
		return this.issues.findContaining(pieceId);
	}

}
