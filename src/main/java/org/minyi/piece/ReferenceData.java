package org.minyi.piece;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * The active categories and source types, as administrators keep them in their tables.
 */
@Service
public class ReferenceData {

	private static final Sort BY_ORDER = Sort.by("sortOrder");

	private final CategoryRepository categories;

	private final SourceTypeRepository sourceTypes;

	ReferenceData(CategoryRepository categories, SourceTypeRepository sourceTypes) {
		this.categories = categories;
		this.sourceTypes = sourceTypes;
	}

	public List<Category> categories() {
		return this.categories.findByActiveTrue(BY_ORDER);
	}

	public List<SourceType> sourceTypes() {
		return this.sourceTypes.findByActiveTrue(BY_ORDER);
	}

	public Optional<Category> activeCategory(String code) {
		return (code == null) ? Optional.empty() : this.categories.findById(code).filter(Category::isActive);
	}

	public Optional<SourceType> activeSourceType(String code) {
		return (code == null) ? Optional.empty() : this.sourceTypes.findById(code).filter(SourceType::isActive);
	}

}
