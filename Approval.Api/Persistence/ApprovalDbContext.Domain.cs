using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

public abstract partial class ApprovalDbContext
{
    public DbSet<DepartmentRecord> Departments => Set<DepartmentRecord>();
    public DbSet<ApprovalItemRecord> Items => Set<ApprovalItemRecord>();
    public DbSet<ApprovalItemVersionRecord> ItemVersions => Set<ApprovalItemVersionRecord>();
    public DbSet<UserRecord> Users => Set<UserRecord>();
    public DbSet<CaseRecord> Cases => Set<CaseRecord>();
    public DbSet<CaseTaskRecord> CaseTasks => Set<CaseTaskRecord>();
    public DbSet<CaseDepartmentRecord> CaseDepartments => Set<CaseDepartmentRecord>();
    public DbSet<CaseEventRecord> CaseEvents => Set<CaseEventRecord>();
    public DbSet<ViolationRecord> Violations => Set<ViolationRecord>();
    public DbSet<SubmissionRecord> Submissions => Set<SubmissionRecord>();
    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();
    public DbSet<AbsenceRecord> Absences => Set<AbsenceRecord>();
    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();
    public DbSet<ContactPreferenceRecord> ContactPreferences => Set<ContactPreferenceRecord>();
    public DbSet<NotificationTemplateRecord> NotificationTemplates => Set<NotificationTemplateRecord>();
    public DbSet<PerformanceSnapshotRecord> PerformanceSnapshots => Set<PerformanceSnapshotRecord>();
    public DbSet<CorrectionNoticeRecord> CorrectionNotices => Set<CorrectionNoticeRecord>();
    public DbSet<ComplaintRecord> Complaints => Set<ComplaintRecord>();
    public DbSet<TestClockRecord> TestClock => Set<TestClockRecord>();

    // An SMS text filled from its template, an SMS template itself.
    private const int TemplateTextLength = 1000;

    private static void ConfigureDomain(ModelBuilder model)
    {
        model.Entity<TestClockRecord>(t =>
        {
            t.ToTable("TestClock");
            t.HasKey(x => x.Id);
            t.Property(x => x.Id).ValueGeneratedNever();
        });
        model.Entity<DepartmentRecord>(d =>
        {
            d.ToTable("Departments");
            d.HasKey(x => x.Code);
            d.Property(x => x.Code).HasMaxLength(IdLength);
            d.Property(x => x.Name).HasMaxLength(NameLength);
        });
        model.Entity<ApprovalItemRecord>(i =>
        {
            i.ToTable("ApprovalItems");
            i.HasKey(x => x.Code);
            i.Property(x => x.Code).HasMaxLength(IdLength);
            i.Property(x => x.Name).HasMaxLength(NameLength);
            i.Property(x => x.Kind).HasMaxLength(EnumLength);
            i.Property(x => x.LeadDepartmentCode).HasMaxLength(IdLength);
            // Items from before versions were kept are their version 1 (the ItemVersions migration's column default and backfill).
            i.Property(x => x.DraftSavedBy).HasMaxLength(NameLength);
        });
        model.Entity<ApprovalItemVersionRecord>(v =>
        {
            v.ToTable("ApprovalItemVersions");
            v.HasKey(x => new { x.ItemCode, x.Version });
            v.Property(x => x.ItemCode).HasMaxLength(IdLength);
            v.Property(x => x.Version).ValueGeneratedNever();
            v.Property(x => x.PublishedBy).HasMaxLength(NameLength);
            v.Property(x => x.Note).HasMaxLength(Approval.Workflows.Inputs.TextLimits.Reason);
        });
        model.Entity<UserRecord>(u =>
        {
            u.ToTable("Users");
            u.HasKey(x => x.Id);
            u.Property(x => x.Id).HasMaxLength(IdLength);
            u.Property(x => x.UserName).HasMaxLength(NameLength);
            u.HasIndex(x => x.UserName).IsUnique();
            u.Property(x => x.DisplayName).HasMaxLength(NameLength);
            u.Property(x => x.Role).HasMaxLength(EnumLength);
            u.Property(x => x.DepartmentCode).HasMaxLength(IdLength);
            u.Property(x => x.WindowCode).HasMaxLength(IdLength);
            u.Property(x => x.ApplicantIdNumber).HasMaxLength(IdLength);
            u.Property(x => x.Email).HasMaxLength(NameLength);
            u.HasIndex(x => new { x.Role, x.DepartmentCode });
            u.Property(x => x.PasswordHash).HasMaxLength(NameLength);
            u.Property(x => x.SecurityStamp).HasMaxLength(IdLength);
        });
        model.Entity<CaseRecord>(c =>
        {
            c.ToTable("Cases");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).HasMaxLength(IdLength);
            c.Property(x => x.Number).HasMaxLength(IdLength);
            c.HasIndex(x => x.Number).IsUnique();
            c.Property(x => x.QueryCode).HasMaxLength(IdLength);
            c.Property(x => x.ItemCode).HasMaxLength(IdLength);
            // Staff search by item, newest received first (and, by its prefix, whatever looks for an item's cases).
            c.HasIndex(x => new { x.ItemCode, x.ReceivedAt });
            c.Property(x => x.Status).HasMaxLength(EnumLength);
            c.HasIndex(x => new { x.Status, x.DueAt });
            // The snapshot builder reads the cases completed on a day; the hall reads today's completed cases' receipt and due
            // instants and item from this index alone (SupervisionTodayCounts).
            c.HasIndex(x => new { x.Status, x.ClosedAt, x.ReceivedAt, x.DueAt, x.ItemCode });
            // The hall's open cases of each window by level, counted from this index alone.
            c.HasIndex(x => new { x.Status, x.AcceptingWindowCode, x.Level }, "IX_Cases_OpenByWindow");
            c.Property(x => x.Level).HasMaxLength(EnumLength);
            // The supervisors' overdue and near-due lists: open cases of some levels (of an item, a lead department, received
            // when, at a window), ordered by due instant and number — filtered and sorted on this index alone, before the rows
            // shown are read.
            c.HasIndex(x => new { x.Status, x.Level, x.ItemCode, x.LeadDepartmentCode, x.DueAt, x.Number, x.ReceivedAt, x.AcceptingWindowCode, x.DeliveringWindowCode, x.Id })
                .HasDatabaseName("IX_Cases_SupervisionList");
            // The overview's counts of open cases by status, level and lead department, read from this index alone. (It
            // replaces (Level, LeadDepartmentCode): given that one, SQLite took a department's closed cases as candidates.)
            c.HasIndex(x => new { x.Status, x.Level, x.LeadDepartmentCode });
            // Joins that need a case's number or item (the task and violation lists) find them here, not in the case's row.
            c.HasIndex(x => new { x.Id, x.Number, x.ItemCode }).IsUnique();
            // The supervisors' list filtered by a department reads the cases of the department's open tasks by id; this index
            // holds what the list filters and sorts them by, so those cases are matched and ordered without reading a row.
            c.HasIndex(x => new { x.Id, x.Status, x.Level, x.LeadDepartmentCode, x.ItemCode, x.DueAt, x.Number, x.ReceivedAt }, "IX_Cases_ListById");
            c.Property(x => x.ApplicantIdNumber).HasMaxLength(IdLength);
            // An applicant's own cases, and staff search by ID or credit code, newest received first.
            c.HasIndex(x => new { x.ApplicantIdNumber, x.ReceivedAt });
            c.Property(x => x.ApplicantName).HasMaxLength(NameLength);
            // Staff search by the applicant's name.
            c.HasIndex(x => new { x.ApplicantName, x.ReceivedAt });
            // The window's work lists: applications awaiting acceptance and results to hand out, soonest due first, for the
            // center and for one window (the window that accepted the case hands out its result).
            c.HasIndex(x => new { x.Status, x.WindowDueAt, x.Number });
            c.HasIndex(x => new { x.Status, x.AcceptingWindowCode, x.WindowDueAt, x.Number });
            // Promised materials (容缺) owed at a window, soonest due first.
            c.HasIndex(x => new { x.AcceptingWindowCode, x.PromiseDueAt });
            // A department head's lists: the cases their department leads, by status, soonest due first.
            c.HasIndex(x => new { x.LeadDepartmentCode, x.Status, x.DueAt, x.Number });
            c.Property(x => x.LeadDepartmentCode).HasMaxLength(IdLength);
            c.HasIndex(x => x.ReceivedAt);
            c.Property(x => x.WorkflowInstanceId).HasMaxLength(IdLength);
            c.HasIndex(x => x.PromiseDueAt);
            c.HasIndex(x => x.PromiseReminderAt);
            // 告知承诺 awaiting verification: the lead department's 待核查 list, and the sweep of those past their period.
            c.HasIndex(x => new { x.LeadDepartmentCode, x.CommitmentVerificationDueAt });
            c.HasIndex(x => x.CommitmentVerificationDueAt);
            c.HasIndex(x => x.CommitmentAcceptedAt);
            c.HasIndex(x => x.NextDeadlineAt);
            c.Property(x => x.AcceptingWindowCode).HasMaxLength(IdLength);
            c.HasIndex(x => x.AcceptingWindowCode);
            c.Property(x => x.DeliveringWindowCode).HasMaxLength(IdLength);
            c.HasIndex(x => x.DeliveringWindowCode);
            c.Property(x => x.AnsweringClerk).HasMaxLength(NameLength);
            c.HasIndex(x => new { x.AnsweringClerk, x.Status, x.Level });
            // The snapshot builder reads a day's ratings.
            c.HasIndex(x => x.RatedAt);
            // 补正已交 for the center and for the window that asked, each in its order. The center's is a partial index of the few
            // returned applications: on a plain index of the column, SQLite without statistics scanned the table for IS NOT NULL.
            c.HasIndex(x => new { x.WindowDueAt, x.Number }).HasFilter("\"SupplementsReturnedAt\" IS NOT NULL").HasDatabaseName("IX_Cases_SupplementsReturned");
            c.Property(x => x.SupplementsReturnedTo).HasMaxLength(IdLength);
            c.HasIndex(x => new { x.SupplementsReturnedTo, x.WindowDueAt, x.Number });
            // 待决定: a lead department's cases waiting for its head, soonest due first, read in order from a partial index of
            // those alone (on (LeadDepartmentCode, AwaitingDecisionSince) the page sorted every waiting case, rows read).
            c.HasIndex(x => new { x.LeadDepartmentCode, x.DueAt, x.Number }).HasFilter("\"AwaitingDecisionSince\" IS NOT NULL").HasDatabaseName("IX_Cases_AwaitingDecision");
            // 延期候选: a lead department's warned cases, by status, soonest due first, counted and paged off a partial index of the
            // warned alone (on (LeadDepartmentCode, Status, DueAt, Number) the level was read from each row and every match sorted:
            // p50 104 ms for 27,250 of samr's cases at a million). The filter is the query's own term, as SQLite requires.
            c.HasIndex(x => new { x.LeadDepartmentCode, x.Status, x.DueAt, x.Number }, "IX_Cases_ExtensionCandidates").HasFilter("\"Level\" IN ('Prompt', 'Yellow', 'Red')");
            // The supervisors' case list for days of receipt (receivedFrom/receivedTo): the warned cases received in the window,
            // counted and ordered off a partial index of the warned alone, never the rows (on (ReceivedAt) SQLite read every case
            // of the window, documents and all). The filter is the query's own term (SupervisedCaseList), as SQLite requires.
            c.HasIndex(x => new { x.ReceivedAt, x.Status, x.Level, x.DueAt, x.Number, x.Id }, "IX_Cases_WarnedByReceipt").HasFilter("\"Level\" IN ('Prompt', 'Yellow', 'Red')");
            c.Property(x => x.Revision).IsConcurrencyToken();
        });
        model.Entity<CaseDepartmentRecord>(d =>
        {
            d.ToTable("CaseDepartments");
            d.HasKey(x => new { x.CaseId, x.DepartmentCode });
            d.HasOne<CaseRecord>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
            d.Property(x => x.CaseId).HasMaxLength(IdLength);
            d.Property(x => x.DepartmentCode).HasMaxLength(IdLength);
            d.Property(x => x.ItemCode).HasMaxLength(IdLength);
            d.Property(x => x.CaseNumber).HasMaxLength(IdLength);
            // A department's staff search, newest received first: by item (and receipt), or by receipt alone.
            d.HasIndex(x => new { x.DepartmentCode, x.ItemCode, x.ReceivedAt, x.CaseNumber });
            d.HasIndex(x => new { x.DepartmentCode, x.ReceivedAt, x.CaseNumber });
        });
        model.Entity<CaseTaskRecord>(t =>
        {
            t.ToTable("CaseTasks");
            t.HasKey(x => x.Id);
            t.Property(x => x.Id).HasMaxLength(IdLength);
            t.Property(x => x.CaseId).HasMaxLength(IdLength);
            t.HasOne<CaseRecord>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
            t.Property(x => x.CaseNumber).HasMaxLength(IdLength);
            t.Property(x => x.ItemCode).HasMaxLength(IdLength);
            t.Property(x => x.ApplicantName).HasMaxLength(NameLength);
            t.Property(x => x.DepartmentCode).HasMaxLength(IdLength);
            t.Property(x => x.Status).HasMaxLength(EnumLength);
            // A department's open tasks, and its unclaimed ones (ClaimedBy IS NULL), soonest due first: the holder and the order's
            // columns in the index, so the count and the page's sort read no task row (on (DepartmentCode, Status, DueAt) both read
            // every match's row: p50 53 ms for fire's 2,839 unclaimed tasks at a million cases).
            t.HasIndex(x => new { x.DepartmentCode, x.Status, x.ClaimedBy, x.DueAt, x.CaseNumber, x.Id }, "IX_CaseTasks_Department");
            // The supervisors' task list (open tasks of some levels, of a department, held by someone), filtered and sorted
            // (due instant, case number) on this index alone, no case joined; the overview's counts of open tasks by department
            // and level and a department's cases with an open task, each from an index alone.
            t.HasIndex(x => new { x.Status, x.Level, x.DepartmentCode, x.ClaimedBy, x.DueAt, x.CaseNumber, x.ItemCode, x.CaseId, x.Id })
                .HasDatabaseName("IX_CaseTasks_SupervisionList");
            // The task list of one item: its few open tasks found directly, not among every open task of the levels asked.
            t.HasIndex(x => new { x.Status, x.ItemCode, x.Level, x.DueAt, x.CaseNumber, x.DepartmentCode, x.Id }).HasDatabaseName("IX_CaseTasks_SupervisionListByItem");
            t.HasIndex(x => new { x.Status, x.DepartmentCode, x.Level, x.CaseId });
            // A department's staff search: whether each case found has a task of the department, answered from this index
            // alone (through the CaseId index it read every task row of each case found: p50 ~300 ms for an item over 30 days
            // at 100,000 cases).
            t.HasIndex(x => new { x.CaseId, x.DepartmentCode, x.Status }).HasDatabaseName("IX_CaseTasks_CaseId_DepartmentCode_Status");
            // The snapshot builder reads the tasks completed on a day.
            t.HasIndex(x => new { x.Status, x.ClosedAt });
            t.Property(x => x.Level).HasMaxLength(EnumLength);
            t.Property(x => x.BookmarkId).HasMaxLength(IdLength);
            t.Property(x => x.ClaimedBy).HasMaxLength(NameLength);
            t.Property(x => x.DelegatedBy).HasMaxLength(NameLength);
            // A reviewer's tasks (claimed by me, delegated to me, held by a colleague I stand in for), soonest due first: the department
            // and the order's columns in the index, as above (on (ClaimedBy, Status, DueAt): p50 53 ms at a million cases).
            t.HasIndex(x => new { x.ClaimedBy, x.Status, x.DepartmentCode, x.DueAt, x.CaseNumber, x.Id }, "IX_CaseTasks_Holder");
        });
        model.Entity<CaseEventRecord>(e =>
        {
            e.ToTable("CaseEvents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.Property(x => x.CaseId).HasMaxLength(IdLength);
            e.HasOne<CaseRecord>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.CaseId, x.Sequence }).IsUnique();
            e.Property(x => x.Actor).HasMaxLength(NameLength);
            e.Property(x => x.Action).HasMaxLength(EnumLength);
            // The snapshot builder reads a day's lines of a few actions (cards, window steps, claims), not the whole timeline table.
            e.HasIndex(x => new { x.Action, x.At });
            e.Property(x => x.WindowCode).HasMaxLength(IdLength);
        });
        model.Entity<ViolationRecord>(v =>
        {
            v.ToTable("Violations");
            v.HasKey(x => x.Id);
            v.Property(x => x.Id).ValueGeneratedOnAdd();
            v.Property(x => x.CaseId).HasMaxLength(IdLength);
            v.HasOne<CaseRecord>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
            v.HasIndex(x => new { x.CaseId, x.Sequence }).IsUnique();
            v.Property(x => x.Kind).HasMaxLength(EnumLength);
            v.HasIndex(x => new { x.Kind, x.At });
            v.Property(x => x.Review).HasMaxLength(EnumLength);
            v.Property(x => x.ReviewedBy).HasMaxLength(NameLength);
            v.HasIndex(x => new { x.Review, x.At });
            // Newest first (At, then the id the index carries), and a review and a kind together, counted and paged on an index.
            v.HasIndex(x => x.At);
            v.HasIndex(x => new { x.Review, x.Kind, x.At });
            v.Property(x => x.DepartmentCode).HasMaxLength(IdLength);
            v.Property(x => x.Person).HasMaxLength(NameLength);
            v.Property(x => x.WindowCode).HasMaxLength(IdLength);
        });
        model.Entity<CalendarYearRecord>(y =>
        {
            y.ToTable("CalendarYears");
            y.HasKey(x => x.Year);
            y.Property(x => x.Year).ValueGeneratedNever();
            y.Property(x => x.UpdatedBy).HasMaxLength(NameLength);
        });
        model.Entity<AbsenceRecord>(a =>
        {
            a.ToTable("Absences");
            a.HasKey(x => x.UserName);
            a.Property(x => x.UserName).HasMaxLength(NameLength);
            a.Property(x => x.Substitute).HasMaxLength(NameLength);
        });
        model.Entity<NotificationRecord>(n =>
        {
            n.ToTable("Notifications");
            n.HasKey(x => x.Id);
            n.Property(x => x.Id).ValueGeneratedOnAdd();
            n.Property(x => x.Recipient).HasMaxLength(NameLength);
            n.Property(x => x.Kind).HasMaxLength(EnumLength);
            n.Property(x => x.CaseId).HasMaxLength(IdLength);
            n.Property(x => x.CaseNumber).HasMaxLength(IdLength);
            n.Property(x => x.Title).HasMaxLength(NameLength * 2);
            // An inbox reads a recipient's unread first, newest first; the unread count is the same range.
            n.HasIndex(x => new { x.Recipient, x.ReadAt, x.CreatedAt });
            // The e-mail outbox: the rows due, soonest first.
            n.HasIndex(x => x.EmailDueAt);
            // Result feedback: one row per recipient per event, whoever writes it and however often a step is retried.
            n.Property(x => x.EventKey).HasMaxLength(NameLength);
            n.HasIndex(x => new { x.Recipient, x.EventKey }).IsUnique();
            n.Property(x => x.SmsPhone).HasMaxLength(IdLength);
            n.Property(x => x.SmsText).HasMaxLength(TemplateTextLength);
            // The SMS outbox, as the e-mail one.
            n.HasIndex(x => x.SmsDueAt);
        });
        model.Entity<ContactPreferenceRecord>(p =>
        {
            p.ToTable("ContactPreferences");
            p.HasKey(x => x.UserName);
            p.Property(x => x.UserName).HasMaxLength(NameLength);
            p.Property(x => x.Phone).HasMaxLength(IdLength);
            p.Property(x => x.Culture).HasMaxLength(EnumLength);
        });
        model.Entity<NotificationTemplateRecord>(t =>
        {
            t.ToTable("NotificationTemplates");
            t.HasKey(x => new { x.Kind, x.Culture });
            t.Property(x => x.Kind).HasMaxLength(EnumLength);
            t.Property(x => x.Culture).HasMaxLength(EnumLength);
            t.Property(x => x.Title).HasMaxLength(Approval.Workflows.Notifications.Feedback.TemplatePlaceholders.MaxTitleLength);
            t.Property(x => x.Body).HasMaxLength(Approval.Workflows.Notifications.Feedback.TemplatePlaceholders.MaxBodyLength);
            t.Property(x => x.Sms).HasMaxLength(TemplateTextLength);
            t.Property(x => x.UpdatedBy).HasMaxLength(NameLength);
        });
        model.Entity<PerformanceSnapshotRecord>(p =>
        {
            p.ToTable("PerformanceSnapshots");
            p.HasKey(x => new { x.UnitKind, x.UnitCode, x.PeriodKind, x.PeriodStart });
            p.Property(x => x.UnitKind).HasMaxLength(EnumLength);
            p.Property(x => x.UnitCode).HasMaxLength(NameLength);
            p.Property(x => x.PeriodKind).HasMaxLength(EnumLength);
            p.HasIndex(x => new { x.PeriodKind, x.PeriodStart });
        });
        ConfigureSupervision(model);
        model.Entity<SubmissionRecord>(s =>
        {
            s.ToTable("Submissions");
            s.HasKey(x => new { x.IdempotencyKey, x.Submitter });
            s.Property(x => x.IdempotencyKey).HasMaxLength(IdLength);
            s.Property(x => x.Submitter).HasMaxLength(IdLength);
            s.Property(x => x.CaseId).HasMaxLength(IdLength);
            s.Property(x => x.Fingerprint).HasMaxLength(64);
        });
    }

    private static void ConfigureSupervision(ModelBuilder model)
    {
        model.Entity<CorrectionNoticeRecord>(n =>
        {
            n.ToTable("CorrectionNotices");
            n.HasKey(x => x.Id);
            n.Property(x => x.Id).ValueGeneratedOnAdd();
            n.Property(x => x.CaseId).HasMaxLength(IdLength);
            n.HasOne<CaseRecord>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
            n.Property(x => x.DepartmentCode).HasMaxLength(IdLength);
            n.HasIndex(x => new { x.DepartmentCode, x.Status });
            n.Property(x => x.Kind).HasMaxLength(EnumLength);
            n.Property(x => x.Subject).HasMaxLength(NameLength);
            n.Property(x => x.IssuedBy).HasMaxLength(NameLength);
            n.Property(x => x.Issuer).HasMaxLength(NameLength);
            n.Property(x => x.AnsweredBy).HasMaxLength(NameLength);
            n.Property(x => x.Status).HasMaxLength(EnumLength).IsConcurrencyToken();
            // The sweep: open notices by due instant, overdue ones by escalation instant.
            n.HasIndex(x => new { x.Status, x.DueAt });
            n.HasIndex(x => new { x.Status, x.EscalateAt });
        });
        model.Entity<ComplaintRecord>(c =>
        {
            c.ToTable("Complaints");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedOnAdd();
            c.Property(x => x.CaseId).HasMaxLength(IdLength);
            c.HasOne<CaseRecord>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
            c.Property(x => x.Complainant).HasMaxLength(NameLength);
            c.HasIndex(x => x.Complainant);
            c.Property(x => x.Contact).HasMaxLength(NameLength);
            c.Property(x => x.Status).HasMaxLength(EnumLength).IsConcurrencyToken();
            c.Property(x => x.BreachedAt).IsConcurrencyToken();
            c.Property(x => x.DecidedBy).HasMaxLength(NameLength);
            c.Property(x => x.ResolvedBy).HasMaxLength(NameLength);
            c.Property(x => x.TransferredTo).HasMaxLength(IdLength);
            // The sweep: undecided complaints by decision limit.
            c.HasIndex(x => new { x.Status, x.DecideBy });
        });
    }
}
