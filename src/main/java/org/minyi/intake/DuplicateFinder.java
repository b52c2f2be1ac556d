package org.minyi.intake;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

import org.minyi.piece.Piece;
import org.minyi.piece.PieceText;
import org.springframework.jdbc.core.JdbcTemplate;
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

	record Candidate(String registrationNumber, String title, double similarity) {
	}

	private final JdbcTemplate jdbc;

	DuplicateFinder(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Reads only the texts, row by row, keeping the best few: a year of a province's pieces is tens of
	 * thousands, too many to load as entities for every registration.
	 */
	List<Candidate> candidatesFor(Piece piece) {
		Set<String> trigrams = trigrams(piece.originalText());
		PriorityQueue<Candidate> best = new PriorityQueue<>(Comparator.comparingDouble(Candidate::similarity));
		this.jdbc.query("""
				SELECT registration_number,
				       CASE WHEN edited_title IS NULL THEN title ELSE edited_title END,
				       CASE WHEN edited_title IS NULL THEN situation ELSE edited_situation END
				FROM minyi_piece
				WHERE registration_number IS NOT NULL AND registered_at >= ? AND id <> ? AND merged_into_id IS NULL""",
				(row) -> {
					String title = row.getString(2);
					double similarity = similarity(trigrams, trigrams(title, row.getString(3)));
					if (similarity >= THRESHOLD) {
						best.add(new Candidate(row.getString(1), title, similarity));
						if (best.size() > MAX_CANDIDATES) {
							best.poll();
						}
					}
				}, Timestamp.from(piece.submittedAt().minus(WINDOW)), piece.id());
		List<Candidate> candidates = new ArrayList<>(best);
		candidates.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
		return candidates;
	}

	/** The candidates as the registration form shows them: one line each, or a note that there are none. */
	String describe(Piece piece) {
		List<Candidate> candidates = candidatesFor(piece);
		if (candidates.isEmpty()) {
			return "近12个月内未发现相似信息。";
		}
		StringBuilder text = new StringBuilder("近12个月内的相似信息（按标题和情况部分的三字组重合度）：\n");
		for (Candidate candidate : candidates) {
			text.append("%s 《%s》 相似度 %d%%%n".formatted(candidate.registrationNumber(), candidate.title(),
					Math.round(candidate.similarity() * 100)));
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
		return trigrams(text.title(), text.situation());
	}

	static Set<String> trigrams(String title, String situation) {
		String normalized = (title + " " + situation).replaceAll("[\\s\\p{Punct}，。、；：？！“”‘’（）《》]+", "");
		Set<String> trigrams = new HashSet<>();
		int[] codePoints = normalized.codePoints().toArray();
		for (int i = 0; i + 3 <= codePoints.length; i++) {
			trigrams.add(new String(codePoints, i, 3));
		}
		return trigrams;
	}

}
