package org.minyi.feedback;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface FeedbackRepository extends ListCrudRepository<Feedback, Long> {

	List<Feedback> findByUserIdOrderByCreatedAtDescIdDesc(String userId);

	List<Feedback> findByPieceIdOrderByIdAsc(Long pieceId);

}
