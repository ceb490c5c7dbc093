namespace Ticker.Generators;

/// <summary>How a decoded property value reaches the new object.</summary>
internal enum PropertyAssignment
{
    /// <summary>The property is only written (get-only and not a constructor parameter).</summary>
    None,

    /// <summary>A setter, called after construction only when the JSON had the property, so initial values
    /// stay.</summary>
    Setter,

    /// <summary>An <c>init</c> accessor or a <c>required</c> member, set in the object initializer.</summary>
    Initializer,

    /// <summary>A constructor parameter of the same name (compared ignoring case).</summary>
    Constructor,
}
