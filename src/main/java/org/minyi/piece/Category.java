package org.minyi.piece;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A category of pieces (经济, 城建城管, ...). */
@Entity
@Table(name = "minyi_category")
public class Category extends ReferenceEntry {

}
