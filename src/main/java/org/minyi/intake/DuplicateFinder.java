package org.minyi.intake;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.minyi.piece.Piece;
import org.minyi.piece.PieceAccess;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Possible duplicates of a piece among the pieces registered in the last 12 months, by
 * character trigram overlap (Jaccard similarity) of title and situation: simple,
 * language-neutral and easy to explain to a registrar ("62% of the three-character
 * sequences are shared"). Computed when the registrar asks, never stored: the list names
 * other submitters' pieces, confidential ones among them.
 */
@Component
class DuplicateFinder {

	static final double THRESHOLD = 0.3;

	private static final int MAX_CANDIDATES = 5;

	private static final Duration WINDOW = Duration.ofDays(365);

	/**
	 * A similar piece and the share of trigrams it has in common with the piece asked
	 * about.
	 */
	record Candidate(Piece piece, double similarity) {

		int percent() {
			return (int) Math.round(this.similarity * 100);
		}

	}

	private record Match(long pieceId, double similarity) {
	}

	private final JdbcTemplate jdbc;

	private final PieceRepository pieces;

	DuplicateFinder(JdbcTemplate jdbc, PieceRepository pieces) {
		this.jdbc = jdbc;
		this.pieces = pieces;
	}

	/**
	 * The most similar pieces that this reader may read ({@link PieceAccess}), best
	 * first. Readability is decided on the pieces themselves, so it is checked after the
	 * scan; the matches above the threshold are near-duplicates, a handful even in a
	 * province's year.
	 */
	List<Candidate> candidatesFor(Piece piece, String readerId, Collection<String> readerGroupIds) {
		List<Match> matches = matches(piece);
		Map<Long, Piece> found = this.pieces.findAllById(matches.stream().map(Match::pieceId).toList())
			.stream()
			.collect(Collectors.toMap(Piece::id, Function.identity()));
		return matches.stream()
			.map((match) -> new Candidate(found.get(match.pieceId()), match.similarity()))
			.filter((candidate) -> candidate.piece() != null
					&& PieceAccess.canRead(candidate.piece(), readerId, readerGroupIds))
			.limit(MAX_CANDIDATES)
			.toList();
	}

	/**
	 * Reads only the texts, row by row: a year of a province's pieces is tens of
	 * thousands, too many to load as entities for every look.
	 */
	private List<Match> matches(Piece piece) {
		Set<String> trigrams = trigrams(piece.originalText());
		List<Match> matches = new ArrayList<>();
		this.jdbc.query("""
				SELECT id,
				       CASE WHEN edited_title IS NULL THEN title ELSE edited_title END,
				       CASE WHEN edited_title IS NULL THEN situation ELSE edited_situation END
				FROM minyi_piece
				WHERE registration_number IS NOT NULL AND registered_at >= ? AND id <> ? AND merged_into_id IS NULL""",
				(row) -> {
					double similarity = similarity(trigrams, trigrams(row.getString(2), row.getString(3)));
					if (similarity >= THRESHOLD) {
						matches.add(new Match(row.getLong(1), similarity));
					}
				}, Timestamp.from(piece.submittedAt().minus(WINDOW)), piece.id());
		matches.sort(Comparator.comparingDouble(Match::similarity).reversed());
		return matches;
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
