using Approval.Workflows.Refusals;

namespace Approval.Api.Contract;

/// <summary>
/// The reasons the HTTP API gives for a field it refuses before the domain sees the request (a missing part, a value
/// of the wrong form): each a code said by <c>Api.Reason.{Code}</c> in the reader's language, with the English the API
/// has always answered. <c>ApiReasonTextTests</c> holds that each has both texts and that the English matches.
/// </summary>
internal static class ApiReasons
{
    public static ProblemText Required => ProblemText.Of(Refusal.Of(RefusalCode.Required, $"is required"));

    public static ProblemText PageStartsAtOne => ProblemText.Api(nameof(PageStartsAtOne), $"starts at 1");
    public static ProblemText FromOneTo(int max) => ProblemText.Api(nameof(FromOneTo), $"must be from 1 to {max}");
    public static ProblemText FileAsPart => ProblemText.Api(nameof(FileAsPart), $"send the file as the multipart field 'file'");
    public static ProblemText DocumentAsPart => ProblemText.Api(nameof(DocumentAsPart), $"send the document as the multipart field 'file'");
    public static ProblemText ContentNotOfType(string type) => ProblemText.Api(nameof(ContentNotOfType), $"the content is not a {type} file");
    public static ProblemText FileLargerThan(int megabytes) => ProblemText.Api(nameof(FileLargerThan), $"the file is larger than {megabytes} MB");
    public static ProblemText AtMostMegabytes(int megabytes) => ProblemText.Api(nameof(AtMostMegabytes), $"at most {megabytes} MB");
    public static ProblemText CsvAsBody => ProblemText.Api(nameof(CsvAsBody), $"send the CSV file as the body (Content-Type: text/csv)");
    public static ProblemText RepairStatesReason => ProblemText.Api(nameof(RepairStatesReason), $"a repair states its reason (信用修复的依据)");
    public static ProblemText RevocationStatesReason => ProblemText.Api(nameof(RevocationStatesReason), $"a revocation states its reason");
    public static ProblemText FirstDayAfterLast(DateOnly first, DateOnly last) => ProblemText.Api(nameof(FirstDayAfterLast), $"the first day ({first:yyyy-MM-dd}) is after the last ({last:yyyy-MM-dd})");
    public static ProblemText CaseNumberOnDocumentRequired => ProblemText.Api(nameof(CaseNumberOnDocumentRequired), $"the case number the document shows is required");
    public static ProblemText DocumentIdRequired => ProblemText.Api(nameof(DocumentIdRequired), $"the document id the QR code carries is required");
    public static ProblemText TooLargeForSealedDocument => ProblemText.Api(nameof(TooLargeForSealedDocument), $"larger than 20 MB: not a sealed document");
    public static ProblemText SetOrAdvanceBy => ProblemText.Api(nameof(SetOrAdvanceBy), $"give exactly one of set (an instant) and advanceBy (a duration)");
    public static ProblemText ClockOnlyMovesForward => ProblemText.Api(nameof(ClockOnlyMovesForward), $"the test clock only moves forward");
    public static ProblemText SearchNeedsCriterion => ProblemText.Api(nameof(SearchNeedsCriterion), $"give at least one of number, applicantName, applicantId, item, receivedFrom, receivedTo");
    public static ProblemText OneViewAtATime => ProblemText.Api(nameof(OneViewAtATime), $"one view at a time");
    public static ProblemText WindowOrCenter => ProblemText.Api(nameof(WindowOrCenter), $"must be window or center");
    public static ProblemText NoticeKind => ProblemText.Api(nameof(NoticeKind), $"must be CorrectionNotice or SupervisionRecommendation");
    public static ProblemText NoticeNamesCase => ProblemText.Api(nameof(NoticeNamesCase), $"a correction notice names the case");
    public static ProblemText NoticeSaysWhatToCorrect => ProblemText.Api(nameof(NoticeSaysWhatToCorrect), $"says what is to be corrected");
    public static ProblemText AnswerSaysWhatWasDone => ProblemText.Api(nameof(AnswerSaysWhatWasDone), $"an answer says what was done");
    public static ProblemText QuarterForm => ProblemText.Api(nameof(QuarterForm), $"must be a year and a quarter, e.g. 2026Q4");
    public static ProblemText AtMost400Days => ProblemText.Api(nameof(AtMost400Days), $"at most 400 days at once");
    public static ProblemText PerformanceUnit => ProblemText.Api(nameof(PerformanceUnit), $"must be department, window or person");
    public static ProblemText StageRecordsNeedCaseOrDays => ProblemText.Api(nameof(StageRecordsNeedCaseOrDays), $"give caseId, or from and to as YYYY-MM-DD");
    public static ProblemText StageRecordsTo => ProblemText.Api(nameof(StageRecordsTo), $"give to as YYYY-MM-DD, on or after from");
    public static ProblemText ComplaintContact => ProblemText.Api(nameof(ComplaintContact), $"a complaint gives a contact to tell the outcome to");
    public static ProblemText ComplaintBody => ProblemText.Api(nameof(ComplaintBody), $"says what the complaint is about");
    public static ProblemText DeclineTellsWhy => ProblemText.Api(nameof(DeclineTellsWhy), $"a declined complaint tells the complainant why");
    public static ProblemText OutcomeTold => ProblemText.Api(nameof(OutcomeTold), $"the complainant is told the outcome");
    public static ProblemText JsonOrCsv => ProblemText.Api(nameof(JsonOrCsv), $"must be json or csv");
    public static ProblemText EventCursor => ProblemText.Api(nameof(EventCursor), $"is a cursor from an earlier answer's next, 0 or more");
    public static ProblemText PersonOrOrganisation => ProblemText.Api(nameof(PersonOrOrganisation), $"must be Person or Organisation");
    public static ProblemText FeeNotNegative => ProblemText.Api(nameof(FeeNotNegative), $"a fee is not negative");
    public static ProblemText PromiseNeedsDate => ProblemText.Api(nameof(PromiseNeedsDate), $"容缺受理 needs the date the applicant promises the missing materials by");
    public static ProblemText RefusalStatesReason => ProblemText.Api(nameof(RefusalStatesReason), $"a refusal states its reason (Art. 38)");
    public static ProblemText CommitmentOrMissingMaterials => ProblemText.Api(nameof(CommitmentOrMissingMaterials), $"accept either under a commitment (告知承诺) or with materials missing (容缺受理), not both");
    public static ProblemText KeptOrFalse => ProblemText.Api(nameof(KeptOrFalse), $"say whether the commitment was found kept (true) or false (false)");
    public static ProblemText ListEveryMissingMaterial => ProblemText.Api(nameof(ListEveryMissingMaterial), $"list every missing material, at once (一次告知)");
    public static ProblemText NameMaterialsReceived => ProblemText.Api(nameof(NameMaterialsReceived), $"name the materials received, by their catalog codes");
    public static ProblemText RatingScore => ProblemText.Api(nameof(RatingScore), $"must be 1 (非常不满意) to 5 (非常满意)");
    public static ProblemText AtMostCharacters(int length) => ProblemText.Api(nameof(AtMostCharacters), $"at most {length} characters");
    public static ProblemText BodyCodeDiffers(string body, string path) => ProblemText.Api(nameof(BodyCodeDiffers), $"the body's code '{body}' differs from the path's '{path}'");
    public static ProblemText ReassignmentStatesReason => ProblemText.Api(nameof(ReassignmentStatesReason), $"a reassignment states its reason");
    public static ProblemText NameColleague => ProblemText.Api(nameof(NameColleague), $"name the colleague (user name)");
    public static ProblemText NotReviewerOf(string userName, string department) => ProblemText.Api(nameof(NotReviewerOf), $"'{userName}' is not a reviewer of {department}");
    public static ProblemText CallbackBodyJson => ProblemText.Api(nameof(CallbackBodyJson), $"a callback's body is JSON, or empty");
    public static ProblemText VerdictKind => ProblemText.Api(nameof(VerdictKind), $"must be Approve, ApproveWithConditions, ReturnForSupplement or Refuse");
    public static ProblemText SuspensionStatesReason => ProblemText.Api(nameof(SuspensionStatesReason), $"a suspension states the reason told to the applicant (Art. 45)");
    public static ProblemText ExpectedDaysRange => ProblemText.Api(nameof(ExpectedDaysRange), $"must be from 1 to 365 working days");
    public static ProblemText ExtensionStatesReason => ProblemText.Api(nameof(ExtensionStatesReason), $"an extension states the reason told to the applicant (Art. 42)");
    public static ProblemText NotADate(string? value) => ProblemText.Api(nameof(NotADate), $"'{value}' is not a date of the form YYYY-MM-DD");
    public static ProblemText DaysRange => ProblemText.Api(nameof(DaysRange), $"days must be a whole number from 0 to 1000");
    public static ProblemText ToWithinTenYears => ProblemText.Api(nameof(ToWithinTenYears), $"to must be on or after from, and at most ten years later");
    public static ProblemText NameTaskToReopen => ProblemText.Api(nameof(NameTaskToReopen), $"name the task to reopen");
    public static ProblemText CorrectionStatesReason => ProblemText.Api(nameof(CorrectionStatesReason), $"a correction states its reason");
    public static ProblemText ClientCredentialsGrant => ProblemText.Api(nameof(ClientCredentialsGrant), $"must be client_credentials (a department system's credential); people sign in with a JSON body {{ userName, password }}");
    public static ProblemText ClientIdRequired => ProblemText.Api(nameof(ClientIdRequired), $"is required (in the form, or as the user of HTTP Basic authentication)");
    public static ProblemText ClientSecretRequired => ProblemText.Api(nameof(ClientSecretRequired), $"is required (in the form, or as the password of HTTP Basic authentication)");
    public static ProblemText PasswordWrong => ProblemText.Api(nameof(PasswordWrong), $"is wrong");
    public static ProblemText NewPasswordLength(int minimum, int maximum) => ProblemText.Api(nameof(NewPasswordLength), $"is required, {minimum} to {maximum} characters");
    public static ProblemText EmailAddressForm => ProblemText.Api(nameof(EmailAddressForm), $"must be an e-mail address such as zhangsan@example.cn (at most 256 characters)");
    public static ProblemText MobileNumberForm => ProblemText.Api(nameof(MobileNumberForm), $"must be a mainland China mobile number: 11 digits starting 13–19, e.g. 13800138000 (+86 allowed)");
    public static ProblemText OneOf(string values) => ProblemText.Api(nameof(OneOf), $"must be one of {values}");
    public static ProblemText PhoneForSms => ProblemText.Api(nameof(PhoneForSms), $"is required to receive SMS (bySms)");
    public static ProblemText EmailForEmail => ProblemText.Api(nameof(EmailForEmail), $"is required to receive e-mail (byEmail)");
    public static ProblemText NotOneOf(string value, string values) => ProblemText.Api(nameof(NotOneOf), $"'{value}' is not one of {values}");
    public static ProblemText IsBefore(string field) => ProblemText.Api(nameof(IsBefore), $"is before {field}");
    public static ProblemText NotASortKey(string value, string keys) => ProblemText.Api(nameof(NotASortKey), $"'{value}' is not one of {keys} (a leading - sorts descending)");
    public static ProblemText DayForm => ProblemText.Api(nameof(DayForm), $"must be a day, YYYY-MM-DD");
    public static ProblemText TooManyFromAddress => ProblemText.Api(nameof(TooManyFromAddress), $"Too many requests from this address: wait before trying again.");
    public static ProblemText TooManyAttempts => ProblemText.Api(nameof(TooManyAttempts), $"Too many attempts: wait before trying again.");
    public static ProblemText LockedForAWhile => ProblemText.Api(nameof(LockedForAWhile), $"Too many wrong passwords in a row: this account is locked for a while.");
    public static ProblemText TooManySignInsForUser => ProblemText.Api(nameof(TooManySignInsForUser), $"Too many sign-in attempts for this user name: wait before trying again.");
    public static ProblemText LockedUntilUnlocked => ProblemText.Api(nameof(LockedUntilUnlocked), $"Too many wrong passwords in a row: this account is locked for a while, or until an administrator unlocks it.");
    public static ProblemText TooManySignInsForClient => ProblemText.Api(nameof(TooManySignInsForClient), $"Too many sign-in attempts for this client id: wait before trying again.");
    public static ProblemText ClientHasNoPassword => ProblemText.Api(nameof(ClientHasNoPassword), $"A department system signs in with its client credential and has no password: an administrator issues a new credential (POST /api/admin/clients).");
    public static ProblemText ClientTokenNotSignedOut => ProblemText.Api(nameof(ClientTokenNotSignedOut), $"A department system's token is not signed out: it ends when it expires (15 minutes), or at once when an administrator revokes the client.");
    public static ProblemText OneOfTheDepartments(string codes) => ProblemText.Api(nameof(OneOfTheDepartments), $"is required, one of the catalog's departments ({codes})");
    public static ProblemText WebhookUrl(int length) => ProblemText.Api(nameof(WebhookUrl), $"is required: an absolute https URL (http only on loopback), at most {length} characters");
    public static ProblemText WebhookHostNotAllowed(string host) => ProblemText.Api(nameof(WebhookHostNotAllowed), $"'{host}' is not on the allow-list of department systems' hosts (Approval:DepartmentSystems:AllowedHosts)");
    public static ProblemText WebhookSecretName => ProblemText.Api(nameof(WebhookSecretName), $"is required: the name of a secret configured under Approval:DepartmentSystems:Secrets");
    public static ProblemText WebhookEventKinds => ProblemText.Api(nameof(WebhookEventKinds), $"leave it out for every line, or list timeline actions by name (e.g. Accepted, Decided)");
}
