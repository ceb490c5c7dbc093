namespace Ticker.Sample;

/// <summary>The request of the welcome e-mail job, as in the reference page's RegisterUser example.</summary>
public sealed class EmailRequest
{
    public Guid UserId { get; set; }

    public string Email { get; set; } = string.Empty;
}

/// <summary>The request of the payment chain.</summary>
public sealed record PaymentRequest(string OrderId, decimal Amount);
