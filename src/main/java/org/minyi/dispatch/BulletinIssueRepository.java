package org.minyi.dispatch;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface BulletinIssueRepository extends ListCrudRepository<BulletinIssue, Long> {

	@Query("SELECT i FROM BulletinIssue i WHERE :pieceId MEMBER OF i.pieceIds ORDER BY i.publishedAt")
	List<BulletinIssue> findContaining(@Param("pieceId") Long pieceId);

}
