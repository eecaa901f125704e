namespace Approval.Workflows.Refusals;

/// <summary>
/// Every refusal the domain can give, by a name that stays when its wording changes. The pages translate each one
/// (<c>Refusal.{name}</c> in <c>UiText.resx</c> and <c>UiText.en.resx</c>); a test holds both files to this list.
/// </summary>
public enum RefusalCode
{
    /// <summary>the window's steps are a window clerk's</summary>
    WindowStepsAreAClerks,
    /// <summary>only the applicant acts on their application</summary>
    OnlyTheApplicantActs,
    /// <summary>the task belongs to {0}</summary>
    TaskOfAnotherDepartment,
    /// <summary>only the department's head reassigns its tasks</summary>
    OnlyTheHeadReassigns,
    /// <summary>the clock was stopped by {0}; only it restarts it</summary>
    ClockRestartedByItsStopper,
    /// <summary>only the lead department's head ({0}) decides and extends</summary>
    OnlyTheLeadHeadDecides,
    /// <summary>corrections are an administrator's</summary>
    CorrectionsAreAnAdministrators,
    /// <summary>only a department's staff act on its review</summary>
    OnlyDepartmentStaffReview,
    /// <summary>tasks open on a case in review</summary>
    TasksOpenInReview,
    /// <summary>the task is claimed by {0}</summary>
    TaskClaimedByAnother,
    /// <summary>only the reviewer who claimed the task can release it</summary>
    ReleaseOnlyByClaimer,
    /// <summary>only the reviewer holding the task can delegate it</summary>
    DelegateOnlyByHolder,
    /// <summary>a task is delegated to someone else</summary>
    DelegateToSomeoneElse,
    /// <summary>only the reviewer who delegated the task can take it back</summary>
    TakeBackOnlyByDelegator,
    /// <summary>a reassignment states its reason</summary>
    ReassignmentStatesReason,
    /// <summary>the task is closed</summary>
    TaskClosed,
    /// <summary>the case has no task {0}</summary>
    NoSuchTask,
    /// <summary>the task is held by {0}; their substitute may act on it only while they are away</summary>
    TaskHeldBySomeoneElse,
    /// <summary>a refusal states its reason (Art. 38)</summary>
    RefusalStatesReason,
    /// <summary>a return for supplement lists what is missing</summary>
    ReturnListsWhatIsMissing,
    /// <summary>an approval with conditions states the conditions</summary>
    ConditionsStated,
    /// <summary>only a submitted application can be accepted</summary>
    OnlySubmittedAccepted,
    /// <summary>the applicant's credit record excludes acceptance with missing materials</summary>
    CreditExcludesMissingMaterials,
    /// <summary>name the materials accepted as missing</summary>
    NameMissingMaterials,
    /// <summary>'{0}' is not a material of {1}</summary>
    NotAMaterialOfItem,
    /// <summary>{0} is a key material: it may not be missing at acceptance</summary>
    KeyMaterialMayNotBeMissing,
    /// <summary>the promised date may not be later than the promised limit ({0:MMMM d, yyyy})</summary>
    PromisedDateAfterLimit,
    /// <summary>the promised date has passed</summary>
    PromisedDatePassed,
    /// <summary>no materials are owed on this case</summary>
    NoMaterialsOwed,
    /// <summary>name the materials received</summary>
    NameMaterialsReceived,
    /// <summary>not owed under the promise: {0} (owed: {1})</summary>
    NotOwedUnderPromise,
    /// <summary>only an open, undecided case can be terminated</summary>
    TerminateOnlyOpenUndecided,
    /// <summary>a termination states its reason</summary>
    TerminationStatesReason,
    /// <summary>the promised materials are not overdue</summary>
    PromiseNotOverdue,
    /// <summary>only an application not yet accepted can be refused</summary>
    RefuseOnlyNotYetAccepted,
    /// <summary>supplements are asked of an application not yet accepted</summary>
    SupplementOnlyNotYetAccepted,
    /// <summary>a supplement request lists every missing material</summary>
    SupplementListsMaterials,
    /// <summary>only a case waiting for supplements can be supplemented</summary>
    SupplementOnlyWhenRequested,
    /// <summary>only a case in review can be suspended</summary>
    SuspendOnlyInReview,
    /// <summary>a suspension states its reason (Art. 45)</summary>
    SuspensionStatesReason,
    /// <summary>only a suspended case can resume</summary>
    ResumeOnlySuspended,
    /// <summary>only a case in review can be extended</summary>
    ExtendOnlyInReview,
    /// <summary>a case is extended once</summary>
    ExtendedOnce,
    /// <summary>an extension states the reason told to the applicant (Art. 42)</summary>
    ExtensionStatesReason,
    /// <summary>the limit has passed: an extension asked for now counts as overdue and is not granted</summary>
    ExtensionTooLate,
    /// <summary>only a case in review can be decided</summary>
    DecideOnlyInReview,
    /// <summary>only a decided case can be delivered</summary>
    DeliverOnlyDecided,
    /// <summary>the result is handed out once the promised materials are in</summary>
    DeliverAfterPromisedMaterials,
    /// <summary>a decided or closed case cannot be withdrawn</summary>
    WithdrawOnlyOpen,
    /// <summary>files are attached while the case is open and undecided</summary>
    FilesAttachedWhileOpen,
    /// <summary>a case has at most {0} files</summary>
    TooManyFiles,
    /// <summary>a rating is 1 (very dissatisfied) to 5 (very satisfied)</summary>
    RatingOneToFive,
    /// <summary>the case has already been rated; a rating is given once</summary>
    RatedOnce,
    /// <summary>a case is rated once its result is delivered or it is refused</summary>
    RateOnlyDeliveredOrRefused,
    /// <summary>a comment is at most {0} characters</summary>
    RatingCommentTooLong,
    /// <summary>a correction states its reason</summary>
    CorrectionStatesReason,
    /// <summary>only a case not yet delivered or closed can be corrected</summary>
    CorrectOnlyUndelivered,
    /// <summary>only a completed task can be reopened</summary>
    ReopenOnlyCompletedTask,
    /// <summary>the task's process step is unknown</summary>
    TaskStepUnknown,
    /// <summary>only a decided case not yet delivered can have its decision reopened</summary>
    ReopenDecisionOnlyDecided,
    /// <summary>a fee is not negative</summary>
    FeeNotNegative,
    /// <summary>fees are charged on an open case</summary>
    FeesOnOpenCase,
    /// <summary>the case's process is not waiting for that step</summary>
    ProcessNotWaiting,
    /// <summary>the case's process could not take the step ({0}, process {1})</summary>
    ProcessCouldNotStep,
    /// <summary>the process refused the step: {0}</summary>
    ProcessRefusedStep,
    /// <summary>the case's process has no decision step</summary>
    NoDecisionStep,
    /// <summary>the case's process {0} is missing</summary>
    ProcessMissing,
    /// <summary>the case has no process yet: it has not been accepted</summary>
    NotYetAccepted,
    /// <summary>the case's item {0} is no longer in the catalog</summary>
    ItemNoLongerInCatalog,
    /// <summary>there is no case {0}</summary>
    CaseNotFound,
    /// <summary>there is no case {0} that you may see</summary>
    CaseNotVisible,
    /// <summary>case {0} has no task {1}</summary>
    CaseHasNoTask,
    /// <summary>a complaint gives a contact to tell the outcome to</summary>
    ComplaintNeedsContact,
    /// <summary>a complaint says what it is about</summary>
    ComplaintNeedsBody,
    /// <summary>the decision limit is after receipt</summary>
    DecisionLimitAfterReceipt,
    /// <summary>only a complaint not yet decided can be taken up</summary>
    TakeUpOnlyUndecided,
    /// <summary>only a complaint not yet decided can be declined</summary>
    DeclineOnlyUndecided,
    /// <summary>a declined complaint tells the complainant why</summary>
    DeclineTellsWhy,
    /// <summary>only a complaint not yet transferred, declined or resolved can be transferred</summary>
    TransferOnlyOpen,
    /// <summary>a transfer names the department</summary>
    TransferNamesDepartment,
    /// <summary>the department's due instant is after the transfer</summary>
    TransferDueAfterTransfer,
    /// <summary>only a complaint taken up or transferred can be resolved</summary>
    ResolveOnlyTakenUp,
    /// <summary>the complainant is told the outcome</summary>
    ResolutionTellsOutcome,
    /// <summary>there is no department {0}</summary>
    NoSuchDepartment,
    /// <summary>a notice goes to a department</summary>
    NoticeNeedsDepartment,
    /// <summary>a notice has a subject</summary>
    NoticeNeedsSubject,
    /// <summary>a notice says what is to be corrected</summary>
    NoticeNeedsBody,
    /// <summary>a correction notice concerns a case</summary>
    CorrectionNoticeNeedsCase,
    /// <summary>a notice is due after it is issued</summary>
    NoticeDueAfterIssue,
    /// <summary>escalation follows the due instant</summary>
    EscalationAfterDue,
    /// <summary>the notice was already answered</summary>
    NoticeAlreadyAnswered,
    /// <summary>an answer says what was done</summary>
    AnswerSaysWhatWasDone,
    /// <summary>'{0}' is not an item of the catalog</summary>
    ItemNotInCatalog,
    /// <summary>is required</summary>
    Required,
    /// <summary>must be a number</summary>
    MustBeNumber,
    /// <summary>must be at least {0}</summary>
    AtLeast,
    /// <summary>must be at most {0}</summary>
    AtMost,
    /// <summary>must be yes or no</summary>
    MustBeBoolean,
    /// <summary>must be a date (year-month-day)</summary>
    MustBeDate,
    /// <summary>must be one of: {0}</summary>
    MustBeOneOf,
    /// <summary>must be text</summary>
    MustBeText,
    /// <summary>must be at most {0} characters</summary>
    TextTooLong,
    /// <summary>does not have the expected format</summary>
    WrongFormat,
    /// <summary>is not a field of this item's form</summary>
    NotAFieldOfForm,
    /// <summary>a resident ID number has 18 characters</summary>
    ResidentIdLength,
    /// <summary>the first 17 characters of a resident ID number are digits</summary>
    ResidentIdDigits,
    /// <summary>characters 7–14 of a resident ID number are not a valid date of birth</summary>
    ResidentIdBirthDate,
    /// <summary>the check digit of the resident ID number is wrong</summary>
    ResidentIdCheckDigit,
    /// <summary>a unified social credit code has 18 characters</summary>
    CreditCodeLength,
    /// <summary>'{0}' is not a character of a unified social credit code</summary>
    CreditCodeCharacter,
    /// <summary>the check character of the unified social credit code is wrong</summary>
    CreditCodeCheckCharacter,
    /// <summary>the file is empty</summary>
    FileEmpty,
    /// <summary>the file is larger than {0} MB</summary>
    FileTooLarge,
    /// <summary>files of type {0} are not accepted (PDF, JPEG, PNG, OFD, DOCX are)</summary>
    FileTypeNotAccepted,
    /// <summary>the file name's extension does not match its type {0}</summary>
    FileExtensionMismatch,
    /// <summary>the content is not a {0} file</summary>
    FileContentMismatch,
    /// <summary>at most {0} entries</summary>
    TooManyEntries,
    /// <summary>the key was used for another request: send a new Idempotency-Key for a new application</summary>
    IdempotencyKeyReused,
    /// <summary>the working-day calendar has no holiday schedule for {0}: an administrator must add the year before dates in it can be counted</summary>
    CalendarYearMissing,
    /// <summary>supplements were already asked for on this application; a second request is not made and was recorded as a violation</summary>
    SupplementRepeated,
    /// <summary>the applicant's credit standing is {0}: record {1} of {2} ({3}) excludes acceptance under a promise (容缺受理, 告知承诺)</summary>
    CreditStandingExcludesPromise,
    /// <summary>a repair or revocation states its reason</summary>
    CreditEndingStatesReason,
    /// <summary>only a bad record is repaired</summary>
    CreditRepairOnlyBad,
    /// <summary>the record {0} is already revoked</summary>
    CreditRecordRevoked,
    /// <summary>the record {0} is already repaired</summary>
    CreditRecordRepaired,
    /// <summary>a department enters and ends only the records it is the source of ({0})</summary>
    CreditRecordsOfOwnDepartment,
    /// <summary>there is no credit record {0}</summary>
    CreditRecordNotFound,
    /// <summary>the record {0} was changed by someone else meanwhile; read it again</summary>
    CreditRecordChangedMeanwhile,
    /// <summary>the record {0} already has its evidence</summary>
    CreditEvidenceAttachedOnce,
    /// <summary>{0} does not offer 告知承诺</summary>
    ItemOffersNoCommitment,
    /// <summary>a commitment (告知承诺) is the applicant's signed statement that they meet the conditions: state it</summary>
    CommitmentStatesStatement,
    /// <summary>no commitment awaits verification on this case: none was made, the case is not decided under it, or it was verified already</summary>
    NoCommitmentAwaitingVerification,
    /// <summary>a verification states its finding</summary>
    VerificationStatesFinding,
    /// <summary>the item's process starts sub-workflow {0} ({1}) without waiting for its end, which a case's process cannot run: ask an administrator to publish a process that waits for it</summary>
    ProcessWaitsOutsideCase,
}
