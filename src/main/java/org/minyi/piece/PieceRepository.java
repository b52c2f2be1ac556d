package org.minyi.piece;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface PieceRepository extends ListCrudRepository<Piece, Long> {

	Optional<Piece> findByRegistrationNumber(String registrationNumber);

	Optional<Piece> findByProcessInstanceId(String processInstanceId);

	List<Piece> findByStatusOrderByRegisteredAtAsc(PieceStatus status, Pageable page);

	long countByStatus(PieceStatus status);

	/** Pieces that credit this user, newest first. */
	@Query("select distinct p from Piece p join p.credits c where c.userId = :userId order by p.submittedAt desc")
	List<Piece> findCrediting(@Param("userId") String userId);

}
