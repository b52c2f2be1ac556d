package org.minyi.piece;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface PieceEventRepository extends ListCrudRepository<PieceEvent, Long> {

	List<PieceEvent> findByPieceIdOrderByOccurredAtAscIdAsc(Long pieceId);

}
