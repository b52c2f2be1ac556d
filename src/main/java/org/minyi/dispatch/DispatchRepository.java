package org.minyi.dispatch;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface DispatchRepository extends ListCrudRepository<Dispatch, Long> {

	List<Dispatch> findByPieceId(Long pieceId);

}
