namespace ReviewerPortal.Engine.Parsing;

/// <summary>
/// One problem found in a definition, as ValidateStateMachineDefinition reports it: a code
/// (<c>SCHEMA_VALIDATION_FAILED</c>, <c>INVALID_JSON_DESCRIPTION</c>, <c>MISSING_END_STATE</c>, …), a message naming the
/// state and field, and a location such as <c>/States/Review/Next</c>.
/// </summary>
internal sealed record AslDiagnostic(string Code, string Message, string Location, string Severity = AslDiagnostic.Error)
{
    public const string Error = "ERROR";
    public const string Warning = "WARNING";

    public const string SchemaValidationFailed = "SCHEMA_VALIDATION_FAILED";
    public const string InvalidJson = "INVALID_JSON_DESCRIPTION";
    public const string MissingDescription = "MISSING_DESCRIPTION";
    public const string MissingEndState = "MISSING_END_STATE";
    public const string InvalidResource = "INVALID_RESOURCE";
    public const string InvalidStateName = "INVALID_STATE_NAME";
    public const string DuplicateStateName = "DUPLICATE_STATE_NAME";
    public const string PassResultIsStatic = "PASS_RESULT_IS_STATIC";

    public override string ToString() => $"{Code} at {Location}: {Message}";
}

/// <summary>The outcome of parsing: the definition when there is no error, and every diagnostic.</summary>
internal sealed record ParseResult(Model.StateMachineDefinition? Definition, IReadOnlyList<AslDiagnostic> Diagnostics)
{
    public bool IsValid => Definition is not null;

    public IEnumerable<AslDiagnostic> Errors => Diagnostics.Where(d => d.Severity == AslDiagnostic.Error);
}
