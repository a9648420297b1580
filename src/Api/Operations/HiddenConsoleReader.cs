using System.Text;

namespace Mist.Api.Operations;

/// <summary>Reads a line typed at the terminal without echoing it: for passwords.</summary>
public sealed class HiddenConsoleReader : TextReader
{
    public override string? ReadLine()
    {
        var line = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Console.Error.WriteLine();
                    return line.ToString();
                case ConsoleKey.Backspace when line.Length > 0:
                    line.Length--;
                    break;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        line.Append(key.KeyChar);
                    }

                    break;
            }
        }
    }

    public override Task<string?> ReadLineAsync() => Task.FromResult(ReadLine());
}
