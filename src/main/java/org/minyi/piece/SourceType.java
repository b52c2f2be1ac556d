package org.minyi.piece;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Where a piece comes from (委员, 专委会, 参加单位, ...). */
@Entity
@Table(name = "minyi_source_type")
public class SourceType extends ReferenceEntry {

}
