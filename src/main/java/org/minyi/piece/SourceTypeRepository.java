package org.minyi.piece;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.repository.ListCrudRepository;

interface SourceTypeRepository extends ListCrudRepository<SourceType, String> {

	List<SourceType> findByActiveTrue(Sort sort);

}
