using FluentValidation;
using Microsoft.Extensions.Options;
using Mist.Domain.Common;

namespace Mist.Application.Versions.RequestBuild;

public sealed class RequestBuildValidator : AbstractValidator<RequestBuild>
{
    public RequestBuildValidator(IOptions<ImportOptions> options)
    {
        var roots = options.Value.Roots
            .Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r)))
            .ToArray();
        var realRoots = roots.Select(r => LinkFreePath.Resolve(r) ?? r).ToArray();

        RuleFor(c => c.Slug)
            .Must(Naming.IsValidSlug)
            .WithMessage("A slug is 1 to 64 lower-case letters, digits and inner hyphens.");
        RuleFor(c => c.Label)
            .Must(Naming.IsValidLabel)
            .WithMessage("A label is 1 to 64 letters, digits, '.', '_', '+' or '-', " +
                "starting and ending with a letter or digit.");
        RuleFor(c => c.SourcePath)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Must(Path.IsPathFullyQualified).WithMessage("The path must be absolute.")
            .Must(p => !p.Split('/', '\\').Contains(".."))
            .WithMessage("The path must not contain '..'.")
            .Must(p => IsUnder(p, roots))
            .WithMessage(c => roots.Length == 0
                ? "No import roots are configured on this server."
                : $"The path must be under one of the import roots: {string.Join(", ", roots)}.")
            .Must(Directory.Exists).WithMessage("The path is not a folder the server can read.")
            .Must(p => LinkFreePath.Resolve(p) is { } real && IsUnder(real, realRoots))
            .WithMessage("The path leads outside the import roots through a symbolic link.");
    }

    private static bool IsUnder(string path, string[] roots)
    {
        var full = Path.GetFullPath(path);
        return roots.Any(root =>
            full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || full == root);
    }
}
