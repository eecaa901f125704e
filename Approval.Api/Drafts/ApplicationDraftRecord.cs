namespace Approval.Api.Drafts;

/// <summary>An application saved before it was submitted: the form's values as typed, and the key its submission will carry.</summary>
public sealed class ApplicationDraftRecord
{
    /// <summary>The applicant's user id.</summary>
    public string OwnerId { get; set; } = "";
    public string ItemCode { get; set; } = "";
    public string? Phone { get; set; }
    /// <summary>The form's values as JSON text (<c>{ "companyName": "…" }</c>), strings as the person typed them.</summary>
    public string FormJson { get; set; } = "{}";
    /// <summary>Drawn when the draft was first saved and kept: a submission from the draft sent twice makes one case.</summary>
    public string IdempotencyKey { get; set; } = "";
    public DateTimeOffset SavedAt { get; set; }
}
