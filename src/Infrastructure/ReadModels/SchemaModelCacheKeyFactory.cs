using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Mist.Infrastructure.ReadModels;

/// <summary>
/// EF Core builds a model once per context type; the live and the shadow schema need one
/// model each.
/// </summary>
internal sealed class SchemaModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is ReadModelDbContext readModels
            ? (context.GetType(), readModels.Schema, designTime)
            : (context.GetType(), designTime);
}
