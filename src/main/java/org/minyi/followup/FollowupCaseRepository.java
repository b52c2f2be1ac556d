package org.minyi.followup;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface FollowupCaseRepository extends ListCrudRepository<FollowupCase, Long> {

	List<FollowupCase> findByPieceId(Long pieceId);

	long countByPieceIdAndStatusNot(Long pieceId, FollowupCase.Status status);

}
