using Mist.Client.Reporting;
using Mist.Client.Terminal;

namespace Mist.Client.Tests.Terminal;

public sealed class PlainProgressTests
{
    [Fact]
    public void Redirected_output_gets_a_plain_line_per_tenth_and_none_for_empty_phases()
    {
        var output = new StringWriter();
        var progress = new PlainProgress(output);

        progress.Report(ProgressPhase.Checking, 0, 0);
        for (var done = 0; done <= 1000; done += 25)
        {
            progress.Report(ProgressPhase.Downloading, done, 1000);
        }

        progress.Report(ProgressPhase.Downloading, 500, 1000);
        progress.Message("done");

        var lines = output.ToString()
            .Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(12);
        lines[0].ShouldBe("Downloading 0 B/1000 B (0%)");
        lines[10].ShouldBe("Downloading 1000 B/1000 B (100%)");
        lines[11].ShouldBe("done");
        lines.ShouldAllBe(line => !line.Contains('\u001b'));
    }

    [Fact]
    public void Finished_phase_that_starts_again_is_shown_again()
    {
        var output = new StringWriter();
        var progress = new PlainProgress(output);

        progress.Report(ProgressPhase.Applying, 0, 100);
        progress.Report(ProgressPhase.Applying, 100, 100);
        progress.Report(ProgressPhase.Applying, 0, 50);
        progress.Report(ProgressPhase.Applying, 50, 50);

        output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe([
                "Applying patch 0 B/100 B (0%)", "Applying patch 100 B/100 B (100%)",
                "Applying patch 0 B/50 B (0%)", "Applying patch 50 B/50 B (100%)"]);
    }
}
