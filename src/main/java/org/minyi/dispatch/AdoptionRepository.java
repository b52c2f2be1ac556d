package org.minyi.dispatch;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface AdoptionRepository extends ListCrudRepository<Adoption, Long> {

	List<Adoption> findByPieceId(Long pieceId);

	Optional<Adoption> findByPieceIdAndLevel(Long pieceId, String level);

	Optional<Adoption> findByMessageId(String messageId);

}
