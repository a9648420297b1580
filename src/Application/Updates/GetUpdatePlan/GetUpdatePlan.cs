using FluentValidation;
using Mediator;
using Mist.Application.Catalog;
using Mist.Domain.Common;

namespace Mist.Application.Updates.GetUpdatePlan;

/// <summary>
/// How a client gets from <see cref="From"/> (null: nothing installed) to version
/// <see cref="To"/>, or to the latest on <see cref="Branch"/> (neither: branch main).
/// </summary>
public sealed record GetUpdatePlan(string Slug, string? From, string? To, string? Branch)
    : IQuery<UpdatePlan>;

public sealed class GetUpdatePlanValidator : AbstractValidator<GetUpdatePlan>
{
    private const string LabelRule =
        "A version label is 1 to 64 letters, digits, '.', '_', '+' and '-', starting and " +
        "ending with a letter or digit.";

    public GetUpdatePlanValidator()
    {
        RuleFor(q => q.From).Must(l => l is null || Naming.IsValidLabel(l)).WithMessage(LabelRule);
        RuleFor(q => q.To).Must(l => l is null || Naming.IsValidLabel(l)).WithMessage(LabelRule);
        RuleFor(q => q.Branch)
            .Must(b => b is null || Naming.IsValidBranch(b))
            .WithMessage("A branch is 1 to 64 lower-case letters, digits and inner hyphens.");
        RuleFor(q => q.Branch)
            .Null()
            .When(q => q.To is not null)
            .WithMessage("Give either a target label or a branch, not both.");
    }
}

public sealed class GetUpdatePlanHandler(ICatalogReader catalog, UpdateFactsLoader facts)
    : IQueryHandler<GetUpdatePlan, UpdatePlan>
{
    public async ValueTask<UpdatePlan> Handle(
        GetUpdatePlan query,
        CancellationToken cancellationToken)
    {
        var game = await catalog.GetGameAsync(query.Slug, true, cancellationToken)
            ?? throw DomainException.NotFound($"There is no game '{query.Slug}'.");
        var target = query.To is { } label
            ? UpdateTarget.Pinned(label)
            : UpdateTarget.LatestOn(query.Branch ?? Naming.DefaultBranch);

        var loaded = await facts.LoadAsync(game, query.From, target, cancellationToken);

        return UpdatePlanner.Plan(loaded.Versions, loaded.Patches, loaded.Client, target);
    }
}
