package org.minyi.dispatch;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface UpwardSubmissionRepository extends ListCrudRepository<UpwardSubmission, Long> {

	List<UpwardSubmission> findByPieceId(Long pieceId);

	Optional<UpwardSubmission> findByPieceIdAndLevel(Long pieceId, String level);

}
