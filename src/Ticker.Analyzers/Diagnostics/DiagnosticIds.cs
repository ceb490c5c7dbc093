namespace Ticker.Analyzers;

/// <summary>
/// Every diagnostic id Ticker ships, generator and analyzers alike. Ids are never renumbered or reused; bands:
/// 0001–0099 function shape, 0100–0199 schedules and cron, 0200–0299 requests and serialization, 0300+ call
/// sites.
/// </summary>
internal static class DiagnosticIds
{
    public const string FunctionNotAccessible = "TICK0001";
    public const string FunctionIsGeneric = "TICK0002";
    public const string UnsupportedParameter = "TICK0003";
    public const string UnsupportedReturnType = "TICK0004";
    public const string InvalidFunctionName = "TICK0005";
    public const string DuplicateFunctionName = "TICK0006";
    public const string TargetNotConstructible = "TICK0007";
    public const string RepeatedParameter = "TICK0008";

    public const string InvalidCronExpression = "TICK0101";

    public const string RequestMemberNotSerializable = "TICK0201";
    public const string RequestTypeNotSerializable = "TICK0202";

    public const string UnknownFunctionName = "TICK0301";
    public const string RequestTypeMismatch = "TICK0302";
    public const string RequestForFunctionWithoutRequest = "TICK0303";
}
