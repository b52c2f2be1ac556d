package org.minyi.piece;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** An entry of a reference list that administrators extend: a code and a Chinese name. */
@MappedSuperclass
public abstract class ReferenceEntry {

	@Id
	private String code;

	private String name;

	private int sortOrder;

	private boolean active;

	public String code() {
		return this.code;
	}

	public String name() {
		return this.name;
	}

	public int sortOrder() {
		return this.sortOrder;
	}

	public boolean isActive() {
		return this.active;
	}

}
