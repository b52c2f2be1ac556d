package org.minyi.dispatch;

import org.springframework.data.repository.ListCrudRepository;

interface BulletinIssueRepository extends ListCrudRepository<BulletinIssue, Long> {

}
