package org.minyi.piece;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * Someone a piece credits, for feedback and for the annual assessment.
 *
 * @param userId the engine user, or {@code null} for a submitter without an account
 * (registered by phone, letter, ...)
 * @param name the name to show and to score when there is no account
 * @param kind why the person is credited
 * @param sourcePieceId for {@link Kind#MERGED}, the piece that was merged into this one
 */
@Embeddable
public record Credit(@Column(name = "user_id") String userId, @Column(name = "name") String name,
		@Enumerated(EnumType.STRING) @Column(name = "kind") Kind kind,
		@Column(name = "source_piece_id") Long sourcePieceId) {

	public enum Kind {

		SUBMITTER, CO_SUBMITTER, MERGED

	}

}
