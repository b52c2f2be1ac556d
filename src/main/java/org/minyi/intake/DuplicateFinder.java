package org.minyi.intake;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.minyi.piece.Piece;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceText;
import org.springframework.stereotype.Component;

/**
 * Possible duplicates of a piece among the pieces registered in the last 12 months, by character
 * trigram overlap (Jaccard similarity) of title and situation: simple, language-neutral and easy to
 * explain to a registrar ("62% of the three-character sequences are shared").
 */
@Component
class DuplicateFinder {

	static final double THRESHOLD = 0.3;

	private static final int MAX_CANDIDATES = 5;

	private static final Duration WINDOW = Duration.ofDays(365);

	record Candidate(Piece piece, double similarity) {
	}

	private final PieceRepository pieces;

	DuplicateFinder(PieceRepository pieces) {
		this.pieces = pieces;
	}

	List<Candidate> candidatesFor(Piece piece) {
		Set<String> trigrams = trigrams(piece.originalText());
		return this.pieces.findRegisteredSince(piece.submittedAt().minus(WINDOW), piece.id())
			.stream()
			.filter((other) -> other.mergedIntoId() == null)
			.map((other) -> new Candidate(other, similarity(trigrams, trigrams(other.currentText()))))
			.filter((candidate) -> candidate.similarity() >= THRESHOLD)
			.sorted(Comparator.comparingDouble(Candidate::similarity).reversed())
			.limit(MAX_CANDIDATES)
			.toList();
	}

	/** The candidates as the registration form shows them: one line each, or a note that there are none. */
	String describe(Piece piece) {
		List<Candidate> candidates = candidatesFor(piece);
		if (candidates.isEmpty()) {
			return "近12个月内未发现相似信息。";
		}
		StringBuilder text = new StringBuilder("近12个月内的相似信息（按标题和情况部分的三字组重合度）：\n");
		for (Candidate candidate : candidates) {
			text.append("%s 《%s》 相似度 %d%%%n".formatted(candidate.piece().registrationNumber(),
					candidate.piece().currentText().title(), Math.round(candidate.similarity() * 100)));
		}
		return text.toString().stripTrailing();
	}

	static double similarity(Set<String> a, Set<String> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		Set<String> intersection = new HashSet<>(a);
		intersection.retainAll(b);
		return (double) intersection.size() / (a.size() + b.size() - intersection.size());
	}

	static Set<String> trigrams(PieceText text) {
		String normalized = (text.title() + " " + text.situation()).replaceAll("[\\s\\p{Punct}，。、；：？！“”‘’（）《》]+", "");
		Set<String> trigrams = new HashSet<>();
		int[] codePoints = normalized.codePoints().toArray();
		for (int i = 0; i + 3 <= codePoints.length; i++) {
			trigrams.add(new String(codePoints, i, 3));
		}
		return trigrams;
	}

}
