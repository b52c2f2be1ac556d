package org.minyi.piece;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.repository.ListCrudRepository;

interface CategoryRepository extends ListCrudRepository<Category, String> {

	List<Category> findByActiveTrue(Sort sort);

}
