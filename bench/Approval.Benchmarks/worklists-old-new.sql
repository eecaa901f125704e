-- The old and the new SQL of the three lists changed by WorkListsAtAMillion, for sqlite3 on a migrated seed-demo file:
--   sqlite3 DIR/approval.db < bench/Approval.Benchmarks/worklists-old-new.sql   (run twice; the second run's user times are the README's)
.timer on
.print old awaiting-decision count+page
SELECT count(*) FROM Cases c WHERE c.LeadDepartmentCode='samr' AND c.Status='InReview' AND c.Id NOT IN (SELECT t.CaseId FROM CaseTasks t WHERE t.Status='Open');
SELECT count(*) FROM (SELECT c.Id FROM Cases c WHERE c.LeadDepartmentCode='samr' AND c.Status='InReview' AND c.Id NOT IN (SELECT t.CaseId FROM CaseTasks t WHERE t.Status='Open') ORDER BY c.DueAt IS NULL, c.DueAt, c.Number LIMIT 50);
.print new awaiting-decision count+page
SELECT count(*) FROM Cases c WHERE c.LeadDepartmentCode='samr' AND c.AwaitingDecisionSince IS NOT NULL;
SELECT count(*) FROM (SELECT c.Id FROM Cases c WHERE c.LeadDepartmentCode='samr' AND c.AwaitingDecisionSince IS NOT NULL ORDER BY c.DueAt IS NULL, c.DueAt, c.Number LIMIT 50);
.print old supplements center count+page
SELECT count(*) FROM Cases c WHERE c.Status='Submitted' AND EXISTS (SELECT 1 FROM CaseEvents e WHERE e.CaseId=c.Id AND e.Action='SupplementRequested');
SELECT count(*) FROM (SELECT c.Id FROM Cases c WHERE c.Status='Submitted' AND EXISTS (SELECT 1 FROM CaseEvents e WHERE e.CaseId=c.Id AND e.Action='SupplementRequested') ORDER BY c.WindowDueAt, c.Number LIMIT 50);
.print new supplements center count+page
SELECT count(*) FROM Cases c WHERE c.SupplementsReturnedAt IS NOT NULL;
SELECT count(*) FROM (SELECT c.Id FROM Cases c WHERE c.SupplementsReturnedAt IS NOT NULL ORDER BY c.WindowDueAt, c.Number LIMIT 50);
.print old fire item search 30 days count
SELECT count(*) FROM Cases c WHERE (c.LeadDepartmentCode='fire' OR EXISTS (SELECT 1 FROM CaseTasks t WHERE t.CaseId=c.Id AND t.DepartmentCode='fire')) AND c.ItemCode='QY-SL-001' AND c.ReceivedAt >= '2026-11-04';
.print new fire item search 30 days count+page
SELECT count(*) FROM CaseDepartments m WHERE m.DepartmentCode='fire' AND m.ItemCode='QY-SL-001' AND m.ReceivedAt >= '2026-11-04';
SELECT count(*) FROM (SELECT m.CaseId FROM CaseDepartments m WHERE m.DepartmentCode='fire' AND m.ItemCode='QY-SL-001' AND m.ReceivedAt >= '2026-11-04' ORDER BY m.ReceivedAt DESC, m.CaseNumber DESC LIMIT 50);
.print new awaiting-decision page on the partial index (list order)
SELECT count(*) FROM (SELECT c.Id FROM Cases c WHERE c.LeadDepartmentCode='samr' AND c.AwaitingDecisionSince IS NOT NULL ORDER BY c.DueAt, c.Number LIMIT 50);
