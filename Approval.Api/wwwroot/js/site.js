// Browser-side checks before an upload leaves the page; the server checks again (CaseFiles, AttachmentRules).
document.addEventListener("change", event => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.dataset.maxBytes)
        return;
    const max = Number(input.dataset.maxBytes);
    const allowed = (input.accept || "").split(",").map(s => s.trim().toLowerCase()).filter(Boolean);
    const bad = Array.from(input.files || []).find(f =>
        f.size > max || (allowed.length > 0 && !allowed.some(a => f.name.toLowerCase().endsWith(a))));
    input.setCustomValidity(bad ? input.dataset.badFile || "" : "");
    input.reportValidity();
});
