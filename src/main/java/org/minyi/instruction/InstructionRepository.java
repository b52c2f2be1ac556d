package org.minyi.instruction;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface InstructionRepository extends ListCrudRepository<Instruction, Long> {

	List<Instruction> findByPieceId(Long pieceId);

	Optional<Instruction> findByMessageId(String messageId);

}
