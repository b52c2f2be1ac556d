package org.minyi.review;

import java.util.Set;

import org.minyi.common.RuleViolation;
import org.minyi.engine.EngineTime;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceStatus;
import org.minyi.piece.PieceText;
import org.springframework.stereotype.Service;

/** Verification results, the editor's text and merging pieces on one matter (综合). */
@Service
public class ReviewService {

	/**
	 * A piece can absorb others until it is signed off; a closed piece absorbs nothing.
	 */
	private static final Set<PieceStatus> CAN_ABSORB = Set.of(PieceStatus.SUBMITTED, PieceStatus.VERIFYING,
			PieceStatus.EDITING, PieceStatus.SIGNING_OFF);

	private final PieceRepository pieces;

	ReviewService(PieceRepository pieces) {
		this.pieces = pieces;
	}

	void recordVerification(Long pieceId, String result, String notes) {
		piece(pieceId).recordVerification(result, notes, EngineTime.instant());
	}

	void edit(Long pieceId, PieceText edited, boolean withholdSource) {
		Piece piece = piece(pieceId);
		piece.edit(edited, EngineTime.instant());
		piece.withholdSource(withholdSource);
	}

	/** The merge target for this piece, or the reason it cannot be one. */
	Piece mergeTarget(Long pieceId, String targetNumber) {
		if (targetNumber == null || targetNumber.isBlank()) {
			throw new RuleViolation("MERGE_TARGET_REQUIRED", "综合时必须填写要并入的信息登记号");
		}
		Piece target = this.pieces.findByRegistrationNumber(targetNumber.strip())
			.orElseThrow(() -> new RuleViolation("MERGE_TARGET_NOT_FOUND", "登记号不存在：" + targetNumber));
		if (target.id().equals(pieceId)) {
			throw new RuleViolation("MERGE_TARGET_SELF", "不能将信息并入其自身");
		}
		if (!CAN_ABSORB.contains(target.status())) {
			throw new RuleViolation("MERGE_TARGET_CLOSED",
					"信息 " + targetNumber + " 当前状态为「" + target.status().displayName() + "」，不能再并入其他信息");
		}
		if (piece(pieceId).isConfidential() && !target.isConfidential()) {
			throw new RuleViolation("MERGE_TARGET_NOT_CONFIDENTIAL", "涉密信息只能并入涉密信息");
		}
		return target;
	}

	/**
	 * The piece is absorbed by the target, which from now on credits the piece's
	 * submitters too.
	 */
	void merge(Long pieceId, String targetNumber) {
		Piece target = mergeTarget(pieceId, targetNumber);
		target.absorb(piece(pieceId), EngineTime.instant());
	}

	private Piece piece(Long pieceId) {
		return this.pieces.findById(pieceId).orElseThrow();
	}

}
