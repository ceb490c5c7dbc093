using System;
using System.Text;

namespace Ticker.Generators;

/// <summary>Writes C# source line by line, keeping the indentation of the current block.</summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * IndentSize);
        }

        _text.Append(line).Append('\n');

        return this;
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace; dispose the result to close the block.</summary>
    public Block Open(string header)
    {
        if (header.Length > 0)
        {
            Line(header);
        }

        Line("{");
        _indent++;

        return new Block(this, string.Empty);
    }

    /// <summary>Opens a block that ends with <paramref name="closing"/> after its brace, as in <c>};</c>.</summary>
    public Block Open(string header, string closing)
    {
        Line(header);
        Line("{");
        _indent++;

        return new Block(this, closing);
    }

    /// <summary>Indents the following lines without a brace; dispose the result to outdent.</summary>
    public Block Indent()
    {
        _indent++;

        return new Block(this, closing: null);
    }

    public override string ToString() => _text.ToString();

    private void Close(string? closing)
    {
        _indent--;
        if (closing is not null)
        {
            Line("}" + closing);
        }
    }

    /// <summary>Closes its block when disposed.</summary>
    public readonly struct Block : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string? _closing;

        public Block(SourceWriter writer, string? closing)
        {
            _writer = writer;
            _closing = closing;
        }

        public void Dispose() => _writer.Close(_closing);
    }
}
