package org.minyi.statistics;

import org.springframework.data.repository.CrudRepository;

interface InstructionFactRepository extends CrudRepository<InstructionFact, Long> {

}
